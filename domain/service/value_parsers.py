import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal

from domain.enums.column_type import ColumnType
from domain.model.record_value import RecordValue
from domain.service.value_rejected_error import ValueRejectedError

ValueParser = Callable[[str], RecordValue]

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_CANONICAL_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
_PLAIN_INTEGER_DIGITS = 19
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}.*")
_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no"})


def parse_string(text: str) -> RecordValue:
    if "\x00" in text:
        raise ValueRejectedError("contains a NUL character")
    return text or None


def parse_integer(text: str) -> RecordValue:
    value = text.strip()
    if value.isdigit() and value.isascii() and len(value) < _PLAIN_INTEGER_DIGITS:
        return int(value)
    return _signed_integer(value) if value else None


def _signed_integer(value: str) -> int:
    if _INTEGER.fullmatch(value) is None:
        raise ValueRejectedError("not an integer")
    try:
        return int(value)
    except ValueError as error:
        raise ValueRejectedError("integer has too many digits") from error


def parse_decimal(text: str) -> RecordValue:
    value = text.strip()
    if _CANONICAL_DECIMAL.fullmatch(value) is not None:
        return value
    if not value:
        return None
    if _DECIMAL.fullmatch(value) is None:
        raise ValueRejectedError("not a decimal")
    return format(Decimal(value), "f")


def parse_boolean(text: str) -> RecordValue:
    value = text.strip().lower()
    if not value:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueRejectedError("not a boolean")


def parse_date(text: str) -> RecordValue:
    value = text.strip()
    if not value:
        return None
    try:
        date.fromisoformat(_matched(_DATE, value))
    except ValueError as error:
        raise ValueRejectedError("not a date (YYYY-MM-DD)") from error
    return value


def parse_datetime(text: str) -> RecordValue:
    value = text.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(_matched(_DATETIME, value)).isoformat()
    except ValueError as error:
        raise ValueRejectedError("not a datetime (ISO 8601)") from error


def _matched(pattern: re.Pattern[str], value: str) -> str:
    if pattern.fullmatch(value) is None:
        raise ValueError(value)
    return value


VALUE_PARSERS: Mapping[ColumnType, ValueParser] = {
    ColumnType.STRING: parse_string,
    ColumnType.INTEGER: parse_integer,
    ColumnType.DECIMAL: parse_decimal,
    ColumnType.BOOLEAN: parse_boolean,
    ColumnType.DATE: parse_date,
    ColumnType.DATETIME: parse_datetime,
}
