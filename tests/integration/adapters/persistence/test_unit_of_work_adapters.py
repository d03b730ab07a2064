from contextlib import suppress
from types import MappingProxyType

import pytest

from application.ports.unit_of_work import UnitOfWork
from domain.model.data_record import DataRecord
from tests.integration.adapters.persistence.conftest import UnitOfWorkOpener
from tests.integration.adapters.persistence.persistence_samples import (
    DATASET,
    BrokenSourceError,
    a_completed_import,
    a_record,
    failing_after,
)

pytestmark = pytest.mark.integration


def store(uow: UnitOfWork, *records: DataRecord) -> None:
    with uow:
        uow.records.upsert_all(records)
        uow.commit()


def test_should_return_the_record_after_it_was_upserted_and_committed(uow: UnitOfWork) -> None:
    record = a_record("42")
    store(uow, record)

    with uow:
        found = uow.records.get(DATASET, ("42",))

    assert found == record


def test_should_return_none_for_an_absent_key(uow: UnitOfWork) -> None:
    store(uow, a_record("42"))

    with uow:
        found = uow.records.get(DATASET, ("43",))

    assert found is None


def test_should_count_the_records_of_a_dataset(uow: UnitOfWork) -> None:
    store(uow, a_record("1"), a_record("2"), a_record("3"))

    with uow:
        total = uow.records.count(DATASET)

    assert total == 3


def test_should_not_count_the_records_of_another_dataset(uow: UnitOfWork) -> None:
    store(uow, a_record("1"), a_record("2", dataset="orders"))

    with uow:
        total = uow.records.count("orders")

    assert total == 1


def test_should_return_how_many_records_it_consumed(uow: UnitOfWork) -> None:
    with uow:
        consumed = uow.records.upsert_all(iter([a_record("1"), a_record("2"), a_record("1")]))

    assert consumed == 3


def test_should_consume_an_empty_stream(uow: UnitOfWork) -> None:
    with uow:
        consumed = uow.records.upsert_all(iter([]))

    assert consumed == 0


def test_should_keep_the_last_record_when_one_import_repeats_a_key(uow: UnitOfWork) -> None:
    last = a_record("7", values={"name": "Grace"})
    store(uow, a_record("7", values={"name": "Ada"}), last)

    with uow:
        found = uow.records.get(DATASET, ("7",))

    assert found == last


def test_should_count_a_key_repeated_in_one_import_once(uow: UnitOfWork) -> None:
    store(uow, a_record("7"), a_record("7"), a_record("7"))

    with uow:
        total = uow.records.count(DATASET)

    assert total == 1


def test_should_keep_one_copy_when_the_same_rows_are_imported_again(uow: UnitOfWork) -> None:
    store(uow, a_record("1"), a_record("2"))
    store(uow, a_record("1"), a_record("2"))

    with uow:
        total = uow.records.count(DATASET)

    assert total == 2


def test_should_replace_a_stored_record_with_a_later_import(uow: UnitOfWork) -> None:
    later = a_record("1", values={"name": "Grace"}, import_id="import-2")
    store(uow, a_record("1"))
    store(uow, later)

    with uow:
        found = uow.records.get(DATASET, ("1",))

    assert found == later


def test_should_count_a_stored_key_once_while_it_is_upserted_again(uow: UnitOfWork) -> None:
    store(uow, a_record("1"))

    with uow:
        uow.records.upsert_all([a_record("1"), a_record("2")])
        total = uow.records.count(DATASET)

    assert total == 2


def test_should_see_its_own_uncommitted_records(uow: UnitOfWork) -> None:
    with uow:
        uow.records.upsert_all([a_record("1")])
        found = uow.records.get(DATASET, ("1",))

    assert found == a_record("1")


def test_should_store_nothing_when_left_without_commit(uow: UnitOfWork) -> None:
    with uow:
        uow.records.upsert_all([a_record("1"), a_record("2")])

    with uow:
        total = uow.records.count(DATASET)

    assert total == 0


def test_should_store_nothing_when_the_records_stream_fails_midway(uow: UnitOfWork) -> None:
    with suppress(BrokenSourceError), uow:
        uow.records.upsert_all(failing_after([a_record(str(row)) for row in range(5000)]))
        uow.commit()

    with uow:
        total = uow.records.count(DATASET)

    assert total == 0


def test_should_let_the_error_of_a_failing_stream_through(uow: UnitOfWork) -> None:
    with pytest.raises(BrokenSourceError), uow:
        uow.records.upsert_all(failing_after([a_record("1")]))


def test_should_work_again_after_a_failed_unit_of_work(uow: UnitOfWork) -> None:
    with suppress(BrokenSourceError), uow:
        uow.records.upsert_all(failing_after([a_record("1")]))
    store(uow, a_record("2"))

    with uow:
        total = uow.records.count(DATASET)

    assert total == 1


def test_should_store_every_record_of_a_stream_longer_than_a_chunk(uow: UnitOfWork) -> None:
    store(uow, *(a_record(str(row)) for row in range(10_000)))

    with uow:
        total = uow.records.count(DATASET)

    assert total == 10_000


def test_should_store_records_of_several_upserts_in_one_unit_of_work(uow: UnitOfWork) -> None:
    with uow:
        uow.records.upsert_all([a_record("1")])
        uow.records.upsert_all([a_record("2")])
        uow.commit()

    with uow:
        total = uow.records.count(DATASET)

    assert total == 2


@pytest.mark.parametrize(
    "record",
    [
        a_record("a\tb", "c\\d", "e\nf\rg", '"quoted"', "Zürich ✓"),
        a_record("1", values={"text": "tab\there\\back\nnew\rret \"q\" 'a' é 😀 \u2028"}),
        a_record("1", values={"int": 7, "negative": -3, "yes": True, "no": False, "none": None}),
        a_record("1", values={"huge": 123456789012345678901234567890}),
        a_record("1", values={}),
        a_record("1", dataset="orders_2025", import_id="batch:7/2025-03-01.a-b_c"),
        a_record("1", import_id="odd\timport\\id\n"),
        a_record("1", values=MappingProxyType({"name": "Ada"})),
    ],
    ids=[
        "special characters in the key",
        "special characters in a value",
        "json native types",
        "an integer beyond 64 bits",
        "no values",
        "another dataset and import",
        "control characters in the import id",
        "values given as a read-only mapping",
    ],
)
def test_should_return_a_stored_record_unchanged(uow: UnitOfWork, record: DataRecord) -> None:
    store(uow, record)

    with uow:
        found = uow.records.get(record.dataset, record.key)

    assert found == record


def test_should_hide_uncommitted_records_from_another_unit_of_work(
    open_unit_of_work: UnitOfWorkOpener,
) -> None:
    writer, reader = open_unit_of_work(), open_unit_of_work()

    with writer:
        writer.records.upsert_all([a_record("1")])
        with reader:
            total = reader.records.count(DATASET)

    assert total == 0


def test_should_show_committed_records_to_another_unit_of_work(
    open_unit_of_work: UnitOfWorkOpener,
) -> None:
    writer, reader = open_unit_of_work(), open_unit_of_work()
    store(writer, a_record("1"))

    with reader:
        found = reader.records.get(DATASET, ("1",))

    assert found == a_record("1")


def test_should_commit_the_records_written_beside_a_result(uow: UnitOfWork) -> None:
    with uow:
        uow.records.upsert_all([a_record("1")])
        uow.imports.add(a_completed_import())
        uow.commit()

    with uow:
        found = (uow.records.count(DATASET), uow.imports.find(a_completed_import().import_id))

    assert found[0] == 1


def test_should_commit_the_result_written_beside_records(uow: UnitOfWork) -> None:
    with uow:
        uow.records.upsert_all([a_record("1")])
        uow.imports.add(a_completed_import())
        uow.commit()

    with uow:
        found = (uow.records.count(DATASET), uow.imports.find(a_completed_import().import_id))

    assert found[1] == a_completed_import()
