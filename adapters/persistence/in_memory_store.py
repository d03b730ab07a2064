import itertools
import threading
from collections.abc import Iterable, Mapping, Sequence

from application.ports.outbound_message import OutboundMessage
from application.ports.outbox import PendingMessage
from domain.events.import_completed import ImportCompleted
from domain.events.import_finished import ImportFinished
from domain.model.data_record import DataRecord, RecordKey

DatasetRecords = dict[RecordKey, DataRecord]


class InMemoryStore:
    def __init__(self) -> None:
        self.records: dict[str, DatasetRecords] = {}
        self.imports: dict[str, ImportFinished] = {}
        self.outbox: dict[int, OutboundMessage] = {}
        self._claimed: set[int] = set()
        self._positions = itertools.count(1)
        self._lock = threading.Lock()

    def dataset(self, dataset: str) -> Mapping[RecordKey, DataRecord]:
        return self.records.get(dataset, {})

    def claim(self, limit: int) -> list[PendingMessage]:
        with self._lock:
            unclaimed = (position for position in self.outbox if position not in self._claimed)
            positions = list(itertools.islice(unclaimed, limit))
            self._claimed.update(positions)
            return [PendingMessage(position=at, message=self.outbox[at]) for at in positions]

    def release(self, positions: Iterable[int]) -> None:
        with self._lock:
            self._claimed.difference_update(positions)

    def apply(
        self,
        *,
        records: Mapping[str, DatasetRecords],
        imports: Iterable[ImportFinished],
        messages: Sequence[OutboundMessage],
        published: Iterable[int],
    ) -> None:
        with self._lock:
            for dataset, staged in records.items():
                self.records.setdefault(dataset, {}).update(staged)
            for result in imports:
                self._record(result)
            self.outbox.update((next(self._positions), message) for message in messages)
            for position in published:
                self.outbox.pop(position, None)

    def _record(self, result: ImportFinished) -> None:
        if not isinstance(self.imports.get(result.import_id), ImportCompleted):
            self.imports[result.import_id] = result
