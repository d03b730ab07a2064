from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from operator import call

from domain.model.data_record import DataRecord, RecordKey
from domain.model.import_schema import ImportSchema
from domain.model.import_tally import ImportTally
from domain.model.record_value import RecordValue
from domain.model.row_rejection import RowRejection
from domain.service.value_parsers import VALUE_PARSERS, ValueParser, parse_string
from domain.service.value_rejected_error import ValueRejectedError

Values = dict[str, RecordValue]


class ImportPlan:
    def __init__(
        self, *, dataset: str, import_id: str, header: Sequence[str], schema: ImportSchema
    ) -> None:
        self._dataset = dataset
        self._import_id = import_id
        self._names = tuple(header)
        self._parsers = tuple(_parser(name, schema) for name in header)
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
        if len(row) != len(self._names):
            reason = f"expected {len(self._names)} fields, found {len(row)}"
            return RowRejection(row=number, column=None, reason=reason)
        try:
            values = dict(zip(self._names, map(call, self._parsers, row)))
        except ValueRejectedError:
            return self._first_rejection(number, row)
        return self._record(number, values)

    def _first_rejection(self, number: int, row: Sequence[str]) -> RowRejection:
        checked = map(_rejection, repeat(number), self._names, self._parsers, row)
        return next(filter(None, checked))

    def _record(self, number: int, values: Values) -> DataRecord | RowRejection:
        key = self._key(number, values)
        if isinstance(key, RowRejection):
            return key
        return DataRecord(dataset=self._dataset, key=key, values=values, import_id=self._import_id)

    def _key(self, number: int, values: Values) -> RecordKey | RowRejection:
        if not self._key_columns:
            return (f"{self._import_id}:{number}",)
        parts = tuple(map(values.__getitem__, self._key_columns))
        if None in parts:
            column = self._key_columns[parts.index(None)]
            return RowRejection(row=number, column=column, reason="key value is missing")
        return tuple(map(key_text, parts))


def key_text(value: RecordValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _rejection(number: int, name: str, parse: ValueParser, text: str) -> RowRejection | None:
    try:
        parse(text)
    except ValueRejectedError as error:
        return RowRejection(row=number, column=name, reason=str(error))
    return None


def _parser(name: str, schema: ImportSchema) -> ValueParser:
    spec = schema.columns.get(name)
    if spec is None:
        return parse_string
    parse = VALUE_PARSERS[spec.type]
    return _required(parse) if spec.required else parse


def _required(parse: ValueParser) -> ValueParser:
    def parse_required(text: str) -> RecordValue:
        value = parse(text)
        if value is None:
            raise ValueRejectedError("required value is missing")
        return value

    return parse_required
