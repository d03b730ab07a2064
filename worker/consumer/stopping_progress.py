import threading

from application.errors import ImportCancelledError
from application.ports.import_progress import ImportProgress


class StoppingProgress(ImportProgress):
    """A worker's imports report to nobody; once the worker is stopping, each stops at its next
    checkpoint, so that its transaction rolls back and its message is redelivered."""

    def __init__(self, stopping: threading.Event) -> None:
        self._stopping = stopping

    def report(self, rows_read: int) -> None:
        if self._stopping.is_set():
            raise ImportCancelledError("the worker is stopping")

    def finish(self, rows_read: int) -> None:
        return None
