from domain.enums.column_type import ColumnType
from domain.model.column_spec import ColumnSpec
from domain.model.import_schema import ImportSchema


def test_should_need_no_column_by_default() -> None:
    sut = ImportSchema()

    needed = sut.needed_columns

    assert needed == ()


def test_should_need_key_columns_first_then_required_columns_in_schema_order() -> None:
    sut = ImportSchema(
        columns={
            "name": ColumnSpec(required=True),
            "age": ColumnSpec(type=ColumnType.INTEGER),
            "email": ColumnSpec(required=True),
        },
        key_columns=("id", "region"),
    )

    needed = sut.needed_columns

    assert needed == ("id", "region", "name", "email")


def test_should_need_a_column_once_when_it_is_both_key_and_required() -> None:
    sut = ImportSchema(columns={"id": ColumnSpec(required=True)}, key_columns=("id",))

    needed = sut.needed_columns

    assert needed == ("id",)


def test_should_treat_an_unlisted_column_spec_as_an_optional_string() -> None:
    sut = ColumnSpec()

    spec = sut

    assert spec == ColumnSpec(type=ColumnType.STRING, required=False)
