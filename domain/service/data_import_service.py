from collections.abc import Sequence

from domain.model.import_schema import ImportSchema
from domain.service.import_plan import ImportPlan
from domain.service.missing_columns_error import MissingColumnsError


class DataImportService:
    """Stateless: checks a header against a schema and plans how its rows become records."""

    def plan(
        self, *, dataset: str, import_id: str, header: Sequence[str], schema: ImportSchema
    ) -> ImportPlan:
        missing = tuple(name for name in schema.needed_columns if name not in header)
        if missing:
            raise MissingColumnsError(missing)
        return ImportPlan(dataset=dataset, import_id=import_id, header=header, schema=schema)
