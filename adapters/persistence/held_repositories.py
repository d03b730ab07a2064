from application.ports.import_ledger import ImportLedger
from application.ports.outbox import Outbox
from application.ports.unit_of_work import UnitOfWork
from domain.repository.data_repository import DataRepository


class HeldRepositories(UnitOfWork):
    """A unit of work that holds its repositories, made whenever it opens its connection."""

    _records: DataRepository
    _imports: ImportLedger
    _outbox: Outbox

    @property
    def records(self) -> DataRepository:
        return self._records

    @property
    def imports(self) -> ImportLedger:
        return self._imports

    @property
    def outbox(self) -> Outbox:
        return self._outbox
