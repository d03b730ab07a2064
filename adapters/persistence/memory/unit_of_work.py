from functools import partial

from adapters.persistence.memory.store import InMemoryStore
from adapters.persistence.memory.transaction import InMemoryTransaction
from adapters.persistence.thread_local_unit_of_work import ThreadLocalUnitOfWork


class InMemoryUnitOfWork(ThreadLocalUnitOfWork):
    def __init__(self, store: InMemoryStore | None = None) -> None:
        self.store = store if store is not None else InMemoryStore()
        super().__init__(partial(InMemoryTransaction, self.store))
