import threading

from application.errors import ImportCancelledError
from application.ports.import_progress import ImportProgress


class RecordingImportProgress(ImportProgress):
    """Records each report and the finish in order; once stopping is set, stops the import."""

    def __init__(self, stopping: threading.Event | None = None) -> None:
        self._stopping = stopping or threading.Event()
        self.timeline: list[tuple[str, int]] = []

    @property
    def reports(self) -> list[int]:
        return [rows for kind, rows in self.timeline if kind == "report"]

    @property
    def finishes(self) -> int:
        return sum(1 for kind, _ in self.timeline if kind == "finish")

    def report(self, rows_read: int) -> None:
        if self._stopping.is_set():
            raise ImportCancelledError("the worker is stopping")
        self.timeline.append(("report", rows_read))

    def finish(self, rows_read: int) -> None:
        self.timeline.append(("finish", rows_read))
