import threading
from collections.abc import Callable

from adapters.persistence.memory.store import InMemoryStore
from adapters.persistence.memory.transaction import InMemoryTransaction
from adapters.persistence.thread_local_unit_of_work import ThreadLocalUnitOfWork
from application.ports.unit_of_work import UnitOfWork


class ClosingTransaction(InMemoryTransaction):
    def __init__(self, store: InMemoryStore) -> None:
        super().__init__(store)
        self.closed = False

    def close(self) -> None:
        self.closed = True


class RecordingFactory:
    def __init__(self, *kinds: Callable[[InMemoryStore], UnitOfWork]) -> None:
        self._store = InMemoryStore()
        self._kinds = list(kinds)
        self.created: list[UnitOfWork] = []

    def __call__(self) -> UnitOfWork:
        kind = self._kinds[len(self.created) % len(self._kinds)]
        self.created.append(kind(self._store))
        return self.created[-1]


def in_another_thread(sut: ThreadLocalUnitOfWork) -> None:
    def use() -> None:
        with sut:
            sut.records.count("customers")

    thread = threading.Thread(target=use)
    thread.start()
    thread.join(timeout=10)


def test_should_reuse_the_unit_of_work_of_the_current_thread() -> None:
    factory = RecordingFactory(InMemoryTransaction)
    sut = ThreadLocalUnitOfWork(factory)
    with sut:
        sut.records.count("customers")

    with sut:
        sut.imports.find("import-1")

    assert len(factory.created) == 1


def test_should_give_each_thread_its_own_unit_of_work() -> None:
    factory = RecordingFactory(InMemoryTransaction)
    sut = ThreadLocalUnitOfWork(factory)
    with sut:
        sut.outbox.pending(1)

    in_another_thread(sut)

    assert len(factory.created) == 2


def test_should_close_the_units_of_work_of_every_thread_that_can_be_closed() -> None:
    factory = RecordingFactory(ClosingTransaction, InMemoryTransaction, ClosingTransaction)
    sut = ThreadLocalUnitOfWork(factory)
    for _ in range(3):
        in_another_thread(sut)

    sut.close()

    assert [getattr(created, "closed", None) for created in factory.created] == [
        True,
        None,
        True,
    ]
