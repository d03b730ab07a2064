from collections.abc import Sequence

from domain.model.import_schema import ImportSchema
from domain.service.import_plan import ImportPlan
from domain.service.missing_columns_error import MissingColumnsError
from domain.service.unstorable_column_error import UnstorableColumnError

NUL = "\x00"


class DataImportService:
    """Stateless: checks a header against a schema and plans how its rows become records."""

    def plan(
        self, *, dataset: str, import_id: str, header: Sequence[str], schema: ImportSchema
    ) -> ImportPlan:
        _refuse_unstorable_names(header)
        _refuse_missing_columns(header, schema)
        return ImportPlan(dataset=dataset, import_id=import_id, header=header, schema=schema)


def _refuse_unstorable_names(header: Sequence[str]) -> None:
    unstorable = next((at for at, name in enumerate(header, start=1) if NUL in name), None)
    if unstorable is not None:
        raise UnstorableColumnError(unstorable)


def _refuse_missing_columns(header: Sequence[str], schema: ImportSchema) -> None:
    missing = tuple(name for name in schema.needed_columns if name not in header)
    if missing:
        raise MissingColumnsError(missing)
