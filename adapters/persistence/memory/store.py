import itertools
import threading
import time
from collections.abc import Iterable, Mapping, Sequence

from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import OutboxBacklog, PendingMessage
from domain.events.import_finished import ImportFinished
from domain.lifecycle.completed_import_is_final import CompletedImportIsFinal
from domain.model.data_record import DataRecord, RecordKey

DatasetRecords = dict[RecordKey, DataRecord]


class InMemoryStore:
    def __init__(self) -> None:
        self.records: dict[str, DatasetRecords] = {}
        self.imports: dict[str, ImportFinished] = {}
        self.outbox: dict[int, OutboundMessage] = {}
        self._claimed: set[int] = set()
        self._written_at: dict[int, float] = {}
        self._positions = itertools.count(1)
        self._lock = threading.Lock()

    def dataset(self, dataset: str) -> Mapping[RecordKey, DataRecord]:
        return self.records.get(dataset, {})

    def reserve(self, count: int) -> list[int]:
        with self._lock:
            return list(itertools.islice(self._positions, count))

    def claim(self, limit: int, *, min_age_seconds: float) -> list[PendingMessage]:
        with self._lock:
            written_by = time.monotonic() - min_age_seconds
            claimable = (at for at in self.outbox if self._claimable(at, written_by))
            positions = list(itertools.islice(claimable, limit))
            self._claimed.update(positions)
            return [PendingMessage(position=at, message=self.outbox[at]) for at in positions]

    def backlog(self) -> OutboxBacklog:
        with self._lock:
            oldest = min(self._written_at.values(), default=None)
            pending = len(self.outbox)
        age = 0.0 if oldest is None else time.monotonic() - oldest
        return OutboxBacklog(pending=pending, oldest_age_seconds=age)

    def release(self, positions: Iterable[int]) -> None:
        with self._lock:
            self._claimed.difference_update(positions)

    def apply(
        self,
        *,
        records: Mapping[str, DatasetRecords],
        imports: Iterable[ImportFinished],
        messages: Sequence[PendingMessage],
        published: Iterable[int],
    ) -> None:
        with self._lock:
            for dataset, staged in records.items():
                self.records.setdefault(dataset, {}).update(staged)
            for result in imports:
                self._record(result)
            self._write(messages)
            for position in published:
                self.outbox.pop(position, None)
                self._written_at.pop(position, None)

    def _claimable(self, position: int, written_by: float) -> bool:
        return position not in self._claimed and self._written_at[position] <= written_by

    def _write(self, messages: Sequence[PendingMessage]) -> None:
        written_at = time.monotonic()
        for entry in messages:
            self.outbox[entry.position] = entry.message
            self._written_at[entry.position] = written_at

    def _record(self, result: ImportFinished) -> None:
        stored = self.imports.get(result.import_id)
        self.imports[result.import_id] = CompletedImportIsFinal.standing(stored, result)
