import abc

from application.ports.import_attempt import ImportAttempt
from domain.lifecycle.import_answer import ImportAnswer


class ImportWriter(abc.ABC):
    """Stores an attempt atomically and idempotently: the result that stands in the ledger, the
    records unless the import already completed, the events that answer it; then hands them over."""

    @abc.abstractmethod
    def write(self, attempt: ImportAttempt) -> ImportAnswer: ...
