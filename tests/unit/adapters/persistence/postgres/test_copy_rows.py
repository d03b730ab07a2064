import io
from typing import cast

import pytest
from psycopg import Copy

from adapters.persistence.postgres.copy_rows import copy_chunks, copy_text, write_copy_rows
from domain.model.data_record import DataRecord


def a_record(key: str, *, dataset: str = "customers", import_id: str = "import-1") -> DataRecord:
    return DataRecord(dataset=dataset, key=(key,), values={"name": "Ada"}, import_id=import_id)


def records_keyed(*keys: str) -> list[DataRecord]:
    return [a_record(key) for key in keys]


def first_columns(text: bytes) -> list[str]:
    return [line.split(b"\t")[0].decode() for line in text.splitlines()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("customers", b"customers"),
        ("a\tb\\c\nd\re", b"a\\tb\\\\c\\nd\\re"),
        ("Zürich", "Zürich".encode()),
    ],
    ids=["plain", "copy control characters", "non ascii"],
)
def test_should_escape_text_for_the_copy_text_format(text: str, expected: bytes) -> None:
    escaped = copy_text(text)

    assert escaped == expected


def test_should_render_a_record_as_one_copy_text_line() -> None:
    record = DataRecord(
        dataset="customers", key=("a\\b",), values={"note": "x\ty"}, import_id="import-1"
    )

    [chunk] = copy_chunks([record])

    assert chunk.text == b'1\tcustomers\timport-1\t["a\\\\\\\\b"]\t{"note":"x\\\\ty"}\n'


def test_should_yield_no_chunk_for_no_records() -> None:
    chunks = list(copy_chunks([]))

    assert chunks == []


def test_should_cut_chunks_of_the_given_number_of_rows() -> None:
    chunks = copy_chunks(records_keyed("a", "b", "c", "d", "e"), 2, 2)

    assert [chunk.rows_written for chunk in chunks] == [2, 4, 5]


def test_should_number_the_rows_across_chunks_and_batches() -> None:
    chunks = copy_chunks(records_keyed("a", "b", "c", "d", "e"), 2, 1)

    assert [first_columns(chunk.text) for chunk in chunks] == [["1", "2"], ["3", "4"], ["5"]]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (("a", "b", "c"), [False, False, False]),
        (("a", "a", "b"), [False, True, True]),
        (("a", "b", "c", "a"), [False, False, False, False]),
    ],
    ids=["distinct keys", "a key repeated within a batch", "a key of an earlier batch"],
)
def test_should_flag_the_chunks_of_a_batch_that_repeats_a_key(
    keys: tuple[str, ...], expected: list[bool]
) -> None:
    chunks = copy_chunks(records_keyed(*keys), 1, 3)

    assert [chunk.batch_repeats_a_key for chunk in chunks] == expected


def test_should_list_the_datasets_of_a_chunk() -> None:
    records = [a_record("1", dataset="orders"), a_record("2"), a_record("3", dataset="orders")]

    [chunk] = copy_chunks(records)

    assert chunk.datasets == {"orders", "customers"}


def test_should_render_the_origin_of_each_record_when_it_changes_within_a_chunk() -> None:
    records = [a_record("1"), a_record("2", import_id="import-2"), a_record("3")]

    [chunk] = copy_chunks(records)

    assert [line.split(b"\t")[2] for line in chunk.text.splitlines()] == [
        b"import-1",
        b"import-2",
        b"import-1",
    ]


def test_should_render_records_whose_dataset_and_import_id_are_empty() -> None:
    [chunk] = copy_chunks([a_record("1", dataset="", import_id="")])

    assert chunk.text.startswith(b"1\t\t\t")


def test_should_write_every_row_to_the_copy() -> None:
    target = io.BytesIO()

    write_copy_rows(cast(Copy, target), records_keyed(*map(str, range(5000))))

    assert target.getvalue().count(b"\n") == 5000


def test_should_return_how_many_rows_it_wrote_to_the_copy() -> None:
    written = write_copy_rows(cast(Copy, io.BytesIO()), records_keyed("a", "b", "c"))

    assert written == 3
