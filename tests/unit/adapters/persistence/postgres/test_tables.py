import pytest

from adapters.persistence.postgres.tables import PostgresTables


@pytest.mark.parametrize(
    ("schema", "expected"),
    [("tenant_a", '"tenant_a"."records"'), (None, '"records"')],
    ids=["qualified by the schema", "left to the search path"],
)
def test_should_name_the_records_table(schema: str | None, expected: str) -> None:
    sut = PostgresTables(schema)

    assert sut.records.as_string() == expected


def test_should_name_the_imports_table_in_the_schema() -> None:
    sut = PostgresTables("tenant_a")

    assert sut.imports.as_string() == '"tenant_a"."imports"'


def test_should_name_the_outbox_table_in_the_schema() -> None:
    sut = PostgresTables("tenant_a")

    assert sut.outbox.as_string() == '"tenant_a"."outbox"'
