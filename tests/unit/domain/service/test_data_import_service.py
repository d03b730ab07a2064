import pytest

from domain.model.column_spec import ColumnSpec
from domain.model.import_schema import ImportSchema
from domain.model.import_tally import ImportTally
from domain.service.data_import_service import DataImportService
from domain.service.missing_columns_error import MissingColumnsError
from domain.service.unstorable_column_error import UnstorableColumnError

SCHEMA = ImportSchema(
    columns={"name": ColumnSpec(required=True), "email": ColumnSpec(required=True)},
    key_columns=("id", "name"),
)


def test_should_plan_the_import_when_the_header_holds_every_needed_column() -> None:
    sut = DataImportService()
    plan = sut.plan(
        dataset="people", import_id="imp-1", header=("email", "name", "id"), schema=SCHEMA
    )

    records = list(plan.records([["a@x", "Ada", "1"]], ImportTally()))

    assert [record.key for record in records] == [("1", "Ada")]


def test_should_name_the_missing_key_and_required_columns_in_order_without_duplicates() -> None:
    sut = DataImportService()

    with pytest.raises(
        MissingColumnsError, match=r"^the header lacks the column\(s\): id, name, email$"
    ):
        sut.plan(dataset="people", import_id="imp-1", header=("age",), schema=SCHEMA)


def test_should_not_require_a_column_that_is_neither_key_nor_required() -> None:
    sut = DataImportService()
    schema = ImportSchema(columns={"age": ColumnSpec()})

    plan = sut.plan(dataset="people", import_id="imp-1", header=("name",), schema=schema)

    assert list(plan.records([["Ada"]], ImportTally()))[0].values == {"name": "Ada"}


def test_should_refuse_a_header_naming_a_column_with_a_nul_character() -> None:
    sut = DataImportService()

    with pytest.raises(UnstorableColumnError, match="column 2"):
        sut.plan(dataset="d", import_id="i", header=("id", "na\x00me"), schema=ImportSchema())
