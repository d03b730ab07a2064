import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.enums.column_type import ColumnType
from domain.model.record_value import RecordValue
from domain.service.import_plan import key_text
from domain.service.value_parsers import VALUE_PARSERS
from domain.service.value_rejected_error import ValueRejectedError
from tests.property.typed_values import RENDERED, Rendered

TYPES = list(ColumnType)


def parsed_or_rejected(column_type: ColumnType, text: str) -> RecordValue | ValueRejectedError:
    try:
        return VALUE_PARSERS[column_type](text)
    except ValueRejectedError as error:
        return error


@pytest.mark.parametrize("column_type", TYPES, ids=[column_type.value for column_type in TYPES])
@given(text=st.text())
def test_should_parse_or_reject_any_text(column_type: ColumnType, text: str) -> None:
    outcome = parsed_or_rejected(column_type, text)

    assert isinstance(outcome, str | int | bool | None | ValueRejectedError)


@pytest.mark.parametrize("column_type", TYPES, ids=[column_type.value for column_type in TYPES])
@given(data=st.data())
def test_should_give_the_canonical_value_of_a_written_value(
    column_type: ColumnType, data: st.DataObject
) -> None:
    rendered: Rendered = data.draw(RENDERED[column_type.value])

    value = VALUE_PARSERS[column_type](rendered.text)

    assert value == rendered.canonical


@pytest.mark.parametrize("column_type", TYPES, ids=[column_type.value for column_type in TYPES])
@given(data=st.data())
def test_should_read_a_canonical_value_written_out_again_as_itself(
    column_type: ColumnType, data: st.DataObject
) -> None:
    canonical = data.draw(RENDERED[column_type.value]).canonical

    value = VALUE_PARSERS[column_type](key_text(canonical))

    assert value == canonical


@pytest.mark.parametrize(
    "column_type",
    [
        ColumnType.INTEGER,
        ColumnType.DECIMAL,
        ColumnType.BOOLEAN,
        ColumnType.DATE,
        ColumnType.DATETIME,
    ],
    ids=["integer", "decimal", "boolean", "date", "datetime"],
)
@given(whitespace=st.text(alphabet=" \t\r\n\x0b\x0c\u00a0\u2003", max_size=4))
def test_should_read_a_blank_field_of_a_typed_column_as_null(
    column_type: ColumnType, whitespace: str
) -> None:
    value = VALUE_PARSERS[column_type](whitespace)

    assert value is None
