import threading
from collections.abc import Callable, Iterator

import pytest

from adapters.persistence.thread_local_unit_of_work import ThreadLocalUnitOfWork
from tests.integration.adapters.persistence.concurrency import run_in_threads
from tests.integration.adapters.persistence.conftest import UnitOfWorkOpener
from tests.integration.adapters.persistence.persistence_samples import DATASET, a_record

pytestmark = pytest.mark.integration


@pytest.fixture
def sut(open_unit_of_work: UnitOfWorkOpener) -> Iterator[ThreadLocalUnitOfWork]:
    shared = ThreadLocalUnitOfWork(open_unit_of_work)
    yield shared
    shared.close()


def test_should_commit_the_records_of_each_thread_sharing_one_unit_of_work(
    sut: ThreadLocalUnitOfWork,
) -> None:
    both_inside = threading.Barrier(2, timeout=30)

    def import_key(key: str) -> Callable[[], None]:
        def run() -> None:
            with sut:
                both_inside.wait()
                sut.records.upsert_all([a_record(key)])
                sut.commit()

        return run

    run_in_threads(import_key("1"), import_key("2"))

    with sut:
        total = sut.records.count(DATASET)

    assert total == 2


def test_should_keep_the_uncommitted_records_of_one_thread_from_another(
    sut: ThreadLocalUnitOfWork,
) -> None:
    written = threading.Event()
    counted = threading.Event()
    seen: list[int] = []

    def write() -> None:
        with sut:
            sut.records.upsert_all([a_record("1")])
            written.set()
            counted.wait(timeout=30)

    def count() -> None:
        written.wait(timeout=30)
        with sut:
            seen.append(sut.records.count(DATASET))
        counted.set()

    run_in_threads(write, count)

    assert seen == [0]


def test_should_let_no_error_out_of_threads_sharing_one_unit_of_work(
    sut: ThreadLocalUnitOfWork,
) -> None:
    def import_keys(first: int) -> Callable[[], None]:
        def run() -> None:
            for key in range(first, first + 20):
                with sut:
                    sut.records.upsert_all([a_record(str(key))])
                    sut.commit()

        return run

    errors = run_in_threads(*(import_keys(first) for first in range(0, 200, 20)))

    assert errors == []
