from collections.abc import Sequence

import pytest

from domain.enums.column_type import ColumnType
from domain.model.column_spec import ColumnSpec
from domain.model.data_record import DataRecord
from domain.model.import_schema import ImportSchema
from domain.model.import_tally import ImportTally
from domain.model.row_rejection import RowRejection
from domain.service.import_plan import ImportPlan, key_text

IMPORT_ID = "imp-1"
DATASET = "people"
HEADER = ("id", "name", "age", "active")
PEOPLE_SCHEMA = ImportSchema(
    columns={
        "id": ColumnSpec(type=ColumnType.INTEGER, required=True),
        "age": ColumnSpec(type=ColumnType.INTEGER),
        "active": ColumnSpec(type=ColumnType.BOOLEAN),
    },
    key_columns=("id",),
)


def make_plan(
    *, header: Sequence[str] = HEADER, schema: ImportSchema = PEOPLE_SCHEMA
) -> ImportPlan:
    return ImportPlan(dataset=DATASET, import_id=IMPORT_ID, header=header, schema=schema)


def run(
    sut: ImportPlan, rows: Sequence[Sequence[str]], tally: ImportTally | None = None
) -> list[DataRecord]:
    return list(sut.records(rows, tally if tally is not None else ImportTally()))


def rejections_of(sut: ImportPlan, rows: Sequence[Sequence[str]]) -> list[RowRejection]:
    tally = ImportTally()
    run(sut, rows, tally)
    return tally.rejections


def test_should_turn_a_valid_row_into_a_typed_record_keyed_by_its_key_column() -> None:
    sut = make_plan()

    records = run(sut, [["7", "Ada", "36", "yes"]])

    assert records == [
        DataRecord(
            dataset=DATASET,
            key=("7",),
            values={"id": 7, "name": "Ada", "age": 36, "active": True},
            import_id=IMPORT_ID,
        )
    ]


def test_should_number_rows_from_one_without_counting_the_header() -> None:
    sut = make_plan()

    rejections = rejections_of(sut, [["1", "Ada", "36", "yes"], ["x", "Bob", "40", "no"]])

    assert [rejection.row for rejection in rejections] == [2]


@pytest.mark.parametrize(
    "row",
    [["1", "Ada", "36"], ["1", "Ada", "36", "yes", "extra"], []],
    ids=["fewer-fields", "more-fields", "no-fields"],
)
def test_should_reject_a_row_whose_field_count_differs_from_the_header(row: list[str]) -> None:
    sut = make_plan()

    rejections = rejections_of(sut, [row])

    assert rejections == [
        RowRejection(row=1, column=None, reason=f"expected 4 fields, found {len(row)}")
    ]


def test_should_reject_a_null_in_a_required_column_naming_the_column() -> None:
    sut = make_plan(schema=ImportSchema(columns={"name": ColumnSpec(required=True)}))

    rejections = rejections_of(sut, [["1", "", "36", "yes"]])

    assert rejections == [RowRejection(row=1, column="name", reason="required value is missing")]


def test_should_reject_a_value_its_type_cannot_parse_naming_the_column_and_reason() -> None:
    sut = make_plan()

    rejections = rejections_of(sut, [["1", "Ada", "old", "yes"]])

    assert rejections == [RowRejection(row=1, column="age", reason="not an integer")]


def test_should_report_only_the_first_failing_column_of_a_row() -> None:
    sut = make_plan()

    rejections = rejections_of(sut, [["1", "Ada", "old", "maybe"]])

    assert rejections == [RowRejection(row=1, column="age", reason="not an integer")]


def test_should_store_null_for_an_empty_optional_column() -> None:
    sut = make_plan()

    records = run(sut, [["1", "Ada", "", " "]])

    assert records[0].values == {"id": 1, "name": "Ada", "age": None, "active": None}


def test_should_keep_unlisted_columns_as_strings() -> None:
    sut = make_plan(schema=ImportSchema(key_columns=("id",)))

    records = run(sut, [[" 007 ", " Ada ", "36", "yes"]])

    assert records[0].values == {"id": " 007 ", "name": " Ada ", "age": "36", "active": "yes"}


@pytest.mark.parametrize(
    ("column_type", "text", "expected_key"),
    [
        (ColumnType.INTEGER, " 007", ("7",)),
        (ColumnType.BOOLEAN, "YES", ("true",)),
        (ColumnType.BOOLEAN, "0", ("false",)),
        (ColumnType.DECIMAL, "+1.50", ("1.50",)),
        (ColumnType.DATE, "2024-01-31", ("2024-01-31",)),
        (ColumnType.STRING, " a ", (" a ",)),
    ],
    ids=["integer", "boolean-true", "boolean-false", "decimal", "date", "string"],
)
def test_should_build_the_key_from_the_canonical_text_of_the_typed_value(
    column_type: ColumnType, text: str, expected_key: tuple[str, ...]
) -> None:
    sut = make_plan(
        header=("k",),
        schema=ImportSchema(columns={"k": ColumnSpec(type=column_type)}, key_columns=("k",)),
    )

    records = run(sut, [[text]])

    assert records[0].key == expected_key


def test_should_build_a_compound_key_in_key_columns_order() -> None:
    sut = make_plan(schema=ImportSchema(key_columns=("name", "id")))

    records = run(sut, [["1", "Ada", "36", "yes"]])

    assert records[0].key == ("Ada", "1")


def test_should_reject_a_row_whose_key_column_is_empty() -> None:
    sut = make_plan(schema=ImportSchema(key_columns=("id", "name")))

    rejections = rejections_of(sut, [["1", "", "36", "yes"]])

    assert rejections == [RowRejection(row=1, column="name", reason="key value is missing")]


def test_should_key_a_record_by_import_id_and_row_number_without_key_columns() -> None:
    sut = make_plan(schema=ImportSchema())

    records = run(sut, [["1", "Ada", "36", "yes"], ["2", "Bob", "40", "no"]])

    assert [record.key for record in records] == [("imp-1:1",), ("imp-1:2",)]


def test_should_count_rows_read_rejected_and_imported() -> None:
    sut = make_plan()
    tally = ImportTally()
    rows = [["1", "Ada", "36", "yes"], ["x", "Bob", "40", "no"], ["3", "Cy"], ["4", "Di", "", ""]]

    run(sut, rows, tally)

    assert {
        "read": tally.rows_read,
        "rejected": tally.rows_rejected,
        "imported": tally.rows_imported,
    } == {"read": 4, "rejected": 2, "imported": 2}


def test_should_read_rows_lazily_one_at_a_time() -> None:
    sut = make_plan()
    tally = ImportTally()
    records = sut.records(iter([["1", "Ada", "36", "yes"], ["2", "Bob", "40", "no"]]), tally)

    next(records)

    assert tally.rows_read == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, "true"), (False, "false"), (7, "7"), (-7, "-7"), ("x", "x")],
    ids=["true", "false", "integer", "negative-integer", "text"],
)
def test_should_write_a_key_value_as_canonical_text(value: bool | int | str, expected: str) -> None:
    sut = key_text

    text = sut(value)

    assert text == expected
