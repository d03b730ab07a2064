from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from adapters.persistence.in_memory_unit_of_work import InMemoryUnitOfWork
from application.ports.record_source import RecordSource, SourceDescriptor
from application.use_cases.import_data import ImportData, ImportDataUseCase
from domain.enums.column_type import ColumnType
from domain.events.import_finished import ImportFinished
from domain.model.column_spec import ColumnSpec
from domain.model.import_schema import ImportSchema

ImportDataFactory = Callable[[RecordSource], ImportDataUseCase]

DATASET = "people"
IMPORT_ID = "imp-1"
STARTED_AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
FINISHED_AT = STARTED_AT + timedelta(seconds=1)
HEADER = ("id", "name", "age")
VALID_ROWS = (("1", "Ada", "36"), ("2", "Bob", "40"), ("3", "Cy", ""))
SOURCE = SourceDescriptor(uri="file:///data/people.csv")
COMMAND = ImportData(
    import_id=IMPORT_ID,
    dataset=DATASET,
    source=SOURCE,
    schema=ImportSchema(
        columns={
            "id": ColumnSpec(type=ColumnType.INTEGER, required=True),
            "age": ColumnSpec(type=ColumnType.INTEGER),
        },
        key_columns=("id",),
    ),
    correlation_id="corr-1",
)


def numbered_rows(count: int) -> Sequence[Sequence[str]]:
    return [(str(number), f"name-{number}", "30") for number in range(1, count + 1)]


def stored_count(uow: InMemoryUnitOfWork) -> int:
    with uow:
        return uow.records.count(DATASET)


def recorded_result(uow: InMemoryUnitOfWork) -> ImportFinished | None:
    with uow:
        return uow.imports.find(IMPORT_ID)


def record_result(uow: InMemoryUnitOfWork, result: ImportFinished) -> None:
    with uow:
        uow.imports.add(result)
        uow.commit()
