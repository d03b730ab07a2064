import pytest

from application.ports.record_source import SourceDescriptor
from application.use_cases.import_data import ImportData
from domain.enums.column_type import ColumnType
from domain.model.column_spec import ColumnSpec
from domain.model.import_schema import ImportSchema
from tests.contract.worker.import_request_reading import (
    ImportRequestReading,
    read_import_request,
)
from tests.contract.worker.import_requested_pact import IMPORT_REQUESTED_PACT, TOKEN

AGE = {"age": ColumnSpec(type=ColumnType.INTEGER, required=True)}
INLINE = SourceDescriptor(inline="id,name\n1,Ada\n")


def command(
    source: SourceDescriptor,
    schema: ImportSchema = ImportSchema(),
    correlation_id: str = "generated",
) -> ImportData:
    return ImportData(
        request_id="7401",
        import_id="people-2026-05-04",
        dataset="people",
        source=source,
        schema=schema,
        correlation_id=correlation_id,
        authorization=f"Bearer {TOKEN}",
    )


READINGS = {
    "an ImportRequested with the CSV inline": ImportRequestReading(
        command=command(INLINE), continued_trace_id=None
    ),
    "an ImportRequested of a file:// source with key columns and a column schema": (
        ImportRequestReading(
            command=command(
                SourceDescriptor(uri="file:///imports/people.csv"),
                ImportSchema(columns=AGE, key_columns=("id",)),
                correlation_id="corr-7301",
            ),
            continued_trace_id=None,
        )
    ),
    "an ImportRequested of a gs:// object with key columns": ImportRequestReading(
        command=command(
            SourceDescriptor(uri="gs://import-sources/people.csv"),
            ImportSchema(key_columns=("id",)),
        ),
        continued_trace_id=None,
    ),
    "an ImportRequested of an https:// source with CSV options and a column schema": (
        ImportRequestReading(
            command=command(
                SourceDescriptor(
                    uri="https://exports.example.com/people.csv",
                    delimiter=";",
                    encoding="latin-1",
                    header=False,
                ),
                ImportSchema(columns=AGE),
            ),
            continued_trace_id=None,
        )
    ),
    "an ImportRequested in a trace, with its schema version and correlation id": (
        ImportRequestReading(
            command=command(INLINE, correlation_id="corr-7302"),
            continued_trace_id="4bf92f3577b34da6a3ce929d0e0e4736",
        )
    ),
}


@pytest.mark.parametrize("description", list(IMPORT_REQUESTED_PACT.interactions))
def test_should_turn_the_request_into_the_import_it_describes(description: str) -> None:
    read: list[ImportRequestReading] = []

    IMPORT_REQUESTED_PACT.pact(description).verify(
        lambda body, attributes: read.append(read_import_request(body, attributes)), "Async"
    )

    assert read == [READINGS[description]]
