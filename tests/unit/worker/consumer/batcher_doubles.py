import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from datetime import UTC, datetime

from application.errors import DependencyUnavailableError
from application.ports.import_attempt import ImportAttempt
from domain.events.import_completed import ImportCompleted
from domain.lifecycle.import_answer import ImportAnswer
from worker.consumer.batched_import_writer import BatchedImportWriter

TIMEOUT_SECONDS = 5.0
FINISHED_AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def small_import(import_id: str, request_id: str) -> ImportAttempt:
    result = ImportCompleted(
        event_id=f"{request_id}-completed",
        import_id=import_id,
        dataset="people",
        correlation_id=request_id,
        started_at=FINISHED_AT,
        finished_at=FINISHED_AT,
    )
    return ImportAttempt(
        request_id=request_id, import_id=import_id, actor=None, trace={}, outcome=lambda: result
    )


def finished(item: ImportAttempt) -> ImportAnswer:
    return ImportAnswer(result=item.outcome())


class GatedBatchRunner:
    """Holds every batch until released, records each one, and fails those holding the poison
    with the poison's failure (an outage by default)."""

    def __init__(
        self,
        *,
        poison: str | None = None,
        failure: Exception = DependencyUnavailableError("database unreachable"),
    ) -> None:
        self.batches: list[list[str]] = []
        self.threads: list[threading.Thread] = []
        self.entered = threading.Event()
        self.released = threading.Event()
        self._poison = poison
        self._failure = failure

    def __call__(self, items: Sequence[ImportAttempt]) -> list[ImportAnswer]:
        self.batches.append([item.import_id for item in items])
        self.threads.append(threading.current_thread())
        self.entered.set()
        self.released.wait(TIMEOUT_SECONDS)
        if any(item.import_id == self._poison for item in items):
            raise self._failure
        return [finished(item) for item in items]


def in_background(action: Callable[[], ImportAnswer]) -> Future[ImportAnswer]:
    future: Future[ImportAnswer] = Future()

    def run() -> None:
        try:
            future.set_result(action())
        except Exception as error:
            future.set_exception(error)

    threading.Thread(target=run, daemon=True).start()
    return future


def closing(sut: BatchedImportWriter) -> threading.Thread:
    closer = threading.Thread(target=sut.close, daemon=True)
    closer.start()
    return closer


def closed(sut: BatchedImportWriter) -> threading.Thread:
    closer = closing(sut)
    closer.join(TIMEOUT_SECONDS)
    return closer


def queued(sut: BatchedImportWriter) -> int:
    return sut._waiting.qsize()


def wait_until_queued(sut: BatchedImportWriter, count: int) -> None:
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while queued(sut) < count and time.monotonic() < deadline:
        time.sleep(0.001)


class BatcherWorld:
    def __init__(self, runner: GatedBatchRunner, *, max_batch: int) -> None:
        self.runner = runner
        self.sut = BatchedImportWriter(runner, max_batch=max_batch)

    def submitted(self, item: ImportAttempt) -> Future[ImportAnswer]:
        return in_background(lambda: self.sut.write(item))

    def hold_first_batch(self) -> Future[ImportAnswer]:
        holding = self.submitted(small_import("held", "msg-held"))
        self.runner.entered.wait(TIMEOUT_SECONDS)
        return holding

    def queue_up(self, items: Sequence[ImportAttempt]) -> list[Future[ImportAnswer]]:
        futures = []
        for item in items:
            futures.append(self.submitted(item))
            wait_until_queued(self.sut, len(futures))
        return futures

    def run_queued(self, items: Sequence[ImportAttempt]) -> list[Future[ImportAnswer]]:
        self.hold_first_batch()
        futures = self.queue_up(items)
        self.runner.released.set()
        for future in futures:
            future.exception(TIMEOUT_SECONDS)
        return futures
