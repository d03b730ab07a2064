import pytest
from pydantic import ValidationError

from domain.enums.column_type import ColumnType
from domain.model.column_spec import ColumnSpec
from worker.messages.column_schema import ColumnSpecModel, ColumnsModel


def test_should_default_a_column_to_an_optional_string() -> None:
    sut = ColumnSpecModel()

    assert sut.to_domain() == ColumnSpec(type=ColumnType.STRING, required=False)


def test_should_map_every_column_to_its_domain_spec() -> None:
    sut = ColumnsModel.model_validate_json(
        b'{"age": {"type": "integer", "required": true}, "name": {}}'
    )

    assert sut.to_domain() == {
        "age": ColumnSpec(type=ColumnType.INTEGER, required=True),
        "name": ColumnSpec(),
    }


def test_should_refuse_an_unknown_column_type() -> None:
    with pytest.raises(ValidationError, match="type"):
        ColumnsModel.model_validate_json(b'{"age": {"type": "float"}}')


def test_should_refuse_an_unknown_field_in_a_column_spec() -> None:
    with pytest.raises(ValidationError, match="nullable"):
        ColumnsModel.model_validate_json(b'{"age": {"type": "integer", "nullable": true}}')
