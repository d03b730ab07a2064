from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from domain.model.data_record import DataRecord, RecordKey
from domain.model.import_schema import ImportSchema
from domain.model.import_tally import ImportTally
from domain.model.record_value import RecordValue
from domain.model.row_rejection import RowRejection
from domain.service.value_parsers import VALUE_PARSERS, ValueParser, parse_string
from domain.service.value_rejected_error import ValueRejectedError


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnPlan:
    name: str
    parse: ValueParser
    required: bool


class ImportPlan:
    def __init__(
        self, *, dataset: str, import_id: str, header: Sequence[str], schema: ImportSchema
    ) -> None:
        self._dataset = dataset
        self._import_id = import_id
        self._columns = tuple(_column_plan(name, schema) for name in header)
        self._key_columns = schema.key_columns

    def records(self, rows: Iterable[Sequence[str]], tally: ImportTally) -> Iterator[DataRecord]:
        for number, row in enumerate(rows, start=1):
            tally.count_read()
            outcome = self._convert(number, row)
            if isinstance(outcome, RowRejection):
                tally.count_rejected(outcome)
            else:
                yield outcome

    def _convert(self, number: int, row: Sequence[str]) -> DataRecord | RowRejection:
        if len(row) != len(self._columns):
            reason = f"expected {len(self._columns)} fields, found {len(row)}"
            return RowRejection(row=number, column=None, reason=reason)
        values = self._values(number, row)
        if isinstance(values, RowRejection):
            return values
        return self._record(number, values)

    def _values(self, number: int, row: Sequence[str]) -> dict[str, RecordValue] | RowRejection:
        values: dict[str, RecordValue] = {}
        for column, text in zip(self._columns, row):
            try:
                values[column.name] = _checked(column, column.parse(text))
            except ValueRejectedError as error:
                return RowRejection(row=number, column=column.name, reason=str(error))
        return values

    def _record(self, number: int, values: dict[str, RecordValue]) -> DataRecord | RowRejection:
        key = self._key(number, values)
        if isinstance(key, RowRejection):
            return key
        return DataRecord(dataset=self._dataset, key=key, values=values, import_id=self._import_id)

    def _key(self, number: int, values: dict[str, RecordValue]) -> RecordKey | RowRejection:
        if not self._key_columns:
            return (f"{self._import_id}:{number}",)
        for column in self._key_columns:
            if values[column] is None:
                return RowRejection(row=number, column=column, reason="key value is missing")
        return tuple(key_text(values[column]) for column in self._key_columns)


def key_text(value: RecordValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _column_plan(name: str, schema: ImportSchema) -> ColumnPlan:
    spec = schema.columns.get(name)
    if spec is None:
        return ColumnPlan(name=name, parse=parse_string, required=False)
    return ColumnPlan(name=name, parse=VALUE_PARSERS[spec.type], required=spec.required)


def _checked(column: ColumnPlan, value: RecordValue) -> RecordValue:
    if value is None and column.required:
        raise ValueRejectedError("required value is missing")
    return value
