from domain.enums.column_type import ColumnType


def test_should_name_column_types_as_the_columns_map_spells_them() -> None:
    sut = ColumnType

    names = {column_type.value for column_type in sut}

    assert names == {"string", "integer", "decimal", "boolean", "date", "datetime"}
