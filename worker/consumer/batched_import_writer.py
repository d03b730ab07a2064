import logging
import queue
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field

from application.errors import DependencyUnavailableError, ImportCancelledError
from application.ports.import_attempt import ImportAttempt
from application.ports.import_writer import ImportWriter
from domain.lifecycle.import_answer import ImportAnswer

DEFAULT_MAX_BATCH = 100
SHARED_FAILURES = (DependencyUnavailableError, ImportCancelledError)

logger = logging.getLogger(__name__)

WriteAll = Callable[[Sequence[ImportAttempt]], Sequence[ImportAnswer]]


@dataclass(frozen=True, slots=True)
class PendingWrite:
    attempt: ImportAttempt
    answer: Future[ImportAnswer] = field(default_factory=Future)


class Stop:
    pass


STOP = Stop()


class BatchedImportWriter(ImportWriter):
    """Reads each attempt on its caller's thread, then writes what waits together on a thread of
    its own: up to max_batch attempts with distinct import_ids in one transaction."""

    def __init__(self, write_all: WriteAll, *, max_batch: int = DEFAULT_MAX_BATCH) -> None:
        self._write_all = write_all
        self._max_batch = max_batch
        self._waiting: queue.SimpleQueue[PendingWrite | Stop] = queue.SimpleQueue()
        self._deferred: deque[PendingWrite] = deque()
        self._thread = threading.Thread(target=self._work, name="import-batch", daemon=True)
        self._thread.start()

    def write(self, attempt: ImportAttempt) -> ImportAnswer:
        pending = PendingWrite(attempt.in_hand())
        self._waiting.put(pending)
        return pending.answer.result()

    def close(self) -> None:
        self._waiting.put(STOP)
        self._thread.join()

    def _work(self) -> None:
        while (batch := self._next_batch()) is not None:
            self._run(list(batch.values()))

    def _next_batch(self) -> dict[str, PendingWrite] | None:
        batch = self._carried_over()
        if not batch and not self._wait_for_first(batch):
            return None
        while len(batch) < self._max_batch and (pending := self._take()) is not None:
            self._add(batch, pending)
        return batch

    def _carried_over(self) -> dict[str, PendingWrite]:
        batch: dict[str, PendingWrite] = {}
        carried, self._deferred = self._deferred, deque()
        for waited in carried:
            self._add(batch, waited)
        return batch

    def _wait_for_first(self, batch: dict[str, PendingWrite]) -> bool:
        first = self._waiting.get()
        if isinstance(first, Stop):
            return False
        self._add(batch, first)
        return True

    def _take(self) -> PendingWrite | None:
        try:
            pending = self._waiting.get_nowait()
        except queue.Empty:
            return None
        if isinstance(pending, Stop):
            self._waiting.put(pending)
            return None
        return pending

    def _add(self, batch: dict[str, PendingWrite], pending: PendingWrite) -> None:
        if pending.attempt.import_id in batch:
            self._deferred.append(pending)
        else:
            batch[pending.attempt.import_id] = pending

    def _run(self, batch: list[PendingWrite]) -> None:
        try:
            answers = self._write_all([pending.attempt for pending in batch])
        except SHARED_FAILURES as error:
            _fail_all(batch, error)
        except Exception as error:
            self._isolate(batch, error)
        else:
            _answer_all(batch, answers)

    def _isolate(self, batch: list[PendingWrite], error: Exception) -> None:
        """A failure no outage explains may be one request's: each is written alone, so that
        only the one that fails alone fails."""
        if len(batch) == 1:
            batch[0].answer.set_exception(error)
            return
        logger.warning("import.batch_isolated", extra={"imports": len(batch)})
        for pending in batch:
            self._run([pending])


def _answer_all(batch: list[PendingWrite], answers: Sequence[ImportAnswer]) -> None:
    for pending, answer in zip(batch, answers, strict=True):
        pending.answer.set_result(answer)


def _fail_all(batch: list[PendingWrite], error: Exception) -> None:
    logger.warning("import.batch_failed", extra={"imports": len(batch)})
    for pending in batch:
        pending.answer.set_exception(error)
