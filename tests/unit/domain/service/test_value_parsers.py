import pytest

from domain.enums.column_type import ColumnType
from domain.model.record_value import RecordValue
from domain.service.value_parsers import (
    VALUE_PARSERS,
    ValueParser,
    parse_boolean,
    parse_date,
    parse_datetime,
    parse_decimal,
    parse_integer,
    parse_string,
)
from domain.service.value_rejected_error import ValueRejectedError

TYPED_PARSERS = [parse_integer, parse_decimal, parse_boolean, parse_date, parse_datetime]
TYPED_IDS = ["integer", "decimal", "boolean", "date", "datetime"]


@pytest.mark.parametrize("parse", [parse_string, *TYPED_PARSERS], ids=["string", *TYPED_IDS])
def test_should_read_an_empty_field_as_null_for_every_type(parse: ValueParser) -> None:
    sut = parse

    value = sut("")

    assert value is None


@pytest.mark.parametrize("parse", TYPED_PARSERS, ids=TYPED_IDS)
def test_should_read_a_whitespace_only_field_as_null_for_typed_columns(parse: ValueParser) -> None:
    sut = parse

    value = sut(" \t ")

    assert value is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  padded  ", "  padded  "),
        (" ", " "),
        ("0042", "0042"),
        ('naïve, "quoted"', 'naïve, "quoted"'),
    ],
    ids=["surrounding-spaces", "single-space", "leading-zeros", "unicode-and-quotes"],
)
def test_should_keep_a_string_exactly_as_written(text: str, expected: str) -> None:
    sut = parse_string

    value = sut(text)

    assert value == expected


@pytest.mark.parametrize("text", ["a\x00b", "\x00"], ids=["inside-text", "alone"])
def test_should_reject_a_string_holding_a_nul_character(text: str) -> None:
    sut = parse_string

    with pytest.raises(ValueRejectedError, match="^contains a NUL character$"):
        sut(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("42", 42), ("-42", -42), ("+42", 42), ("  7  ", 7), ("007", 7), ("-0", 0)],
    ids=["plain", "negative", "explicit-plus", "trimmed", "leading-zeros", "negative-zero"],
)
def test_should_parse_an_integer_with_optional_sign(text: str, expected: int) -> None:
    sut = parse_integer

    value = sut(text)

    assert value == expected


@pytest.mark.parametrize(
    "text",
    ["12.5", "1_000", "1e5", "abc", "+", "1 000", "٤٢", "0x1F"],
    ids=[
        "fraction",
        "underscore",
        "exponent",
        "text",
        "sign-only",
        "inner-space",
        "arabic-digits",
        "hex",
    ],
)
def test_should_reject_an_integer_column_holding_anything_but_sign_and_digits(text: str) -> None:
    sut = parse_integer

    with pytest.raises(ValueRejectedError, match="^not an integer$"):
        sut(text)


def test_should_reject_an_integer_with_more_digits_than_python_converts() -> None:
    sut = parse_integer

    with pytest.raises(ValueRejectedError, match="^integer has too many digits$"):
        sut("9" * 5000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.50", "12.50"),
        ("0.0000001", "0.0000001"),
        ("+1", "1"),
        ("-3.25", "-3.25"),
        (" 4.5 ", "4.5"),
        (".5", "0.5"),
        ("5.", "5"),
        ("0.1", "0.1"),
        ("123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789"),
    ],
    ids=[
        "trailing-zero-kept",
        "small-not-in-exponent-form",
        "plus-dropped",
        "negative",
        "trimmed",
        "no-integer-part",
        "no-fraction-digits",
        "not-binary-float",
        "beyond-float-precision",
    ],
)
def test_should_keep_a_decimal_exactly_as_text(text: str, expected: str) -> None:
    sut = parse_decimal

    value = sut(text)

    assert value == expected


@pytest.mark.parametrize(
    "text",
    ["1e5", "1,5", "NaN", "Infinity", ".", "1.2.3", "abc", "1_000.0"],
    ids=["exponent", "comma", "nan", "infinity", "dot-only", "two-dots", "text", "underscore"],
)
def test_should_reject_a_decimal_column_holding_anything_but_digits_and_one_dot(text: str) -> None:
    sut = parse_decimal

    with pytest.raises(ValueRejectedError, match="^not a decimal$"):
        sut(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("TRUE", True),
        ("1", True),
        ("Yes", True),
        ("false", False),
        ("False", False),
        ("0", False),
        ("NO", False),
        (" yes ", True),
    ],
    ids=[
        "true",
        "true-upper",
        "one",
        "yes-mixed",
        "false",
        "false-title",
        "zero",
        "no-upper",
        "trim",
    ],
)
def test_should_parse_a_boolean_in_any_case(text: str, expected: bool) -> None:
    sut = parse_boolean

    value = sut(text)

    assert value is expected


@pytest.mark.parametrize(
    "text", ["maybe", "y", "t", "2", "on"], ids=["maybe", "y", "t", "two", "on"]
)
def test_should_reject_a_boolean_column_holding_another_word(text: str) -> None:
    sut = parse_boolean

    with pytest.raises(ValueRejectedError, match="^not a boolean$"):
        sut(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024-02-29", "2024-02-29"), (" 2024-01-01 ", "2024-01-01")],
    ids=["leap-day", "trimmed"],
)
def test_should_parse_an_iso_date(text: str, expected: str) -> None:
    sut = parse_date

    value = sut(text)

    assert value == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024-02-30",
        "2023-02-29",
        "20240101",
        "2024-1-01",
        "01/02/2024",
        "2024-01-01T00:00",
        "٢٠٢٤-01-01",
    ],
    ids=[
        "no-such-day",
        "not-a-leap-year",
        "basic-format",
        "one-digit-month",
        "slashes",
        "with-time",
        "arabic-digits",
    ],
)
def test_should_reject_a_date_column_holding_anything_but_yyyy_mm_dd(text: str) -> None:
    sut = parse_date

    with pytest.raises(ValueRejectedError, match=r"^not a date \(YYYY-MM-DD\)$"):
        sut(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-01T10:00:00", "2024-01-01T10:00:00"),
        ("2024-01-01T10:00:00+02:00", "2024-01-01T10:00:00+02:00"),
        ("2024-01-01T10:00:00Z", "2024-01-01T10:00:00+00:00"),
        ("2024-01-01 10:00", "2024-01-01T10:00:00"),
        ("2024-01-01T10:00:00.5", "2024-01-01T10:00:00.500000"),
        (" 2024-01-01T10:00:00 ", "2024-01-01T10:00:00"),
    ],
    ids=["without-offset", "with-offset", "zulu", "space-separator", "fraction", "trimmed"],
)
def test_should_parse_an_iso_datetime_with_an_optional_offset(text: str, expected: str) -> None:
    sut = parse_datetime

    value = sut(text)

    assert value == expected


@pytest.mark.parametrize(
    "text",
    ["2024-01-01", "2024-01-01T25:00", "2024-01-01T10:00garbage", "20240101T1000", "yesterday"],
    ids=["date-only", "no-such-hour", "trailing-garbage", "basic-format", "text"],
)
def test_should_reject_a_datetime_column_holding_anything_but_iso_8601(text: str) -> None:
    sut = parse_datetime

    with pytest.raises(ValueRejectedError, match=r"^not a datetime \(ISO 8601\)$"):
        sut(text)


@pytest.mark.parametrize(
    ("column_type", "text", "expected"),
    [
        (ColumnType.STRING, " a ", " a "),
        (ColumnType.INTEGER, " 7 ", 7),
        (ColumnType.DECIMAL, "7.0", "7.0"),
        (ColumnType.BOOLEAN, "yes", True),
        (ColumnType.DATE, "2024-01-01", "2024-01-01"),
        (ColumnType.DATETIME, "2024-01-01T00:00Z", "2024-01-01T00:00:00+00:00"),
    ],
    ids=["string", "integer", "decimal", "boolean", "date", "datetime"],
)
def test_should_offer_a_parser_for_every_column_type(
    column_type: ColumnType, text: str, expected: RecordValue
) -> None:
    sut = VALUE_PARSERS[column_type]

    value = sut(text)

    assert value == expected
