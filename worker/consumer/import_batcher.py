import logging
import queue
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from domain.events.import_finished import ImportFinished

DEFAULT_MAX_BATCH = 100


class OneImport(Protocol):
    @property
    def import_id(self) -> str: ...


Item = TypeVar("Item", bound=OneImport)

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PendingImport(Generic[Item]):
    item: Item
    result: Future[ImportFinished] = field(default_factory=Future)


class Stop:
    pass


STOP = Stop()


class ImportBatcher(Generic[Item]):
    """Runs small imports submitted from many threads together: what waits forms the next batch."""

    def __init__(
        self,
        run_batch: Callable[[Sequence[Item]], Sequence[ImportFinished]],
        *,
        max_batch: int = DEFAULT_MAX_BATCH,
    ) -> None:
        self._run_batch = run_batch
        self._max_batch = max_batch
        self._waiting: queue.SimpleQueue[PendingImport[Item] | Stop] = queue.SimpleQueue()
        self._deferred: deque[PendingImport[Item]] = deque()
        self._thread = threading.Thread(target=self._work, name="import-batcher", daemon=True)
        self._thread.start()

    def submit(self, item: Item) -> ImportFinished:
        pending = PendingImport(item)
        self._waiting.put(pending)
        return pending.result.result()

    def close(self) -> None:
        self._waiting.put(STOP)
        self._thread.join()

    def _work(self) -> None:
        while (batch := self._next_batch()) is not None:
            self._run(list(batch.values()))

    def _next_batch(self) -> dict[str, PendingImport[Item]] | None:
        batch = self._carried_over()
        if not batch and not self._wait_for_first(batch):
            return None
        while len(batch) < self._max_batch and (pending := self._take()) is not None:
            self._add(batch, pending)
        return batch

    def _carried_over(self) -> dict[str, PendingImport[Item]]:
        batch: dict[str, PendingImport[Item]] = {}
        carried, self._deferred = self._deferred, deque()
        for waited in carried:
            self._add(batch, waited)
        return batch

    def _wait_for_first(self, batch: dict[str, PendingImport[Item]]) -> bool:
        first = self._waiting.get()
        if isinstance(first, Stop):
            return False
        self._add(batch, first)
        return True

    def _take(self) -> PendingImport[Item] | None:
        try:
            pending = self._waiting.get_nowait()
        except queue.Empty:
            return None
        if isinstance(pending, Stop):
            self._waiting.put(pending)
            return None
        return pending

    def _add(self, batch: dict[str, PendingImport[Item]], pending: PendingImport[Item]) -> None:
        if pending.item.import_id in batch:
            self._deferred.append(pending)
        else:
            batch[pending.item.import_id] = pending

    def _run(self, batch: list[PendingImport[Item]]) -> None:
        try:
            results = self._run_batch([pending.item for pending in batch])
            for pending, result in zip(batch, results, strict=True):
                pending.result.set_result(result)
        except Exception as error:
            logger.warning("import.batch_failed", extra={"imports": len(batch)})
            for pending in batch:
                _fail(pending, error)


def _fail(pending: PendingImport[Item], error: Exception) -> None:
    if not pending.result.done():
        pending.result.set_exception(error)
