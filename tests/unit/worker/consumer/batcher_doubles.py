import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime

from application.errors import DependencyUnavailableError
from domain.events.import_completed import ImportCompleted
from domain.events.import_finished import ImportFinished
from worker.consumer.import_batcher import ImportBatcher

TIMEOUT_SECONDS = 5.0
FINISHED_AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class SmallImport:
    import_id: str
    request_id: str


def finished(item: SmallImport) -> ImportFinished:
    return ImportCompleted(
        event_id=f"{item.request_id}-completed",
        import_id=item.import_id,
        dataset="people",
        correlation_id=item.request_id,
        started_at=FINISHED_AT,
        finished_at=FINISHED_AT,
    )


class GatedBatchRunner:
    """Holds every batch until released, records each one, and fails those holding the poison."""

    def __init__(self, *, poison: str | None = None) -> None:
        self.batches: list[list[str]] = []
        self.threads: list[threading.Thread] = []
        self.entered = threading.Event()
        self.released = threading.Event()
        self._poison = poison

    def __call__(self, items: Sequence[SmallImport]) -> list[ImportFinished]:
        self.batches.append([item.import_id for item in items])
        self.threads.append(threading.current_thread())
        self.entered.set()
        self.released.wait(TIMEOUT_SECONDS)
        if any(item.import_id == self._poison for item in items):
            raise DependencyUnavailableError("database unreachable")
        return [finished(item) for item in items]


def in_background(action: Callable[[], ImportFinished]) -> Future[ImportFinished]:
    future: Future[ImportFinished] = Future()

    def run() -> None:
        try:
            future.set_result(action())
        except Exception as error:
            future.set_exception(error)

    threading.Thread(target=run, daemon=True).start()
    return future


def closing(sut: ImportBatcher[SmallImport]) -> threading.Thread:
    closer = threading.Thread(target=sut.close, daemon=True)
    closer.start()
    return closer


def closed(sut: ImportBatcher[SmallImport]) -> threading.Thread:
    closer = closing(sut)
    closer.join(TIMEOUT_SECONDS)
    return closer


def queued(sut: ImportBatcher[SmallImport]) -> int:
    return sut._waiting.qsize()


def wait_until_queued(sut: ImportBatcher[SmallImport], count: int) -> None:
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while queued(sut) < count and time.monotonic() < deadline:
        time.sleep(0.001)


class BatcherWorld:
    def __init__(self, runner: GatedBatchRunner, *, max_batch: int) -> None:
        self.runner = runner
        self.sut = ImportBatcher(runner, max_batch=max_batch)

    def submitted(self, item: SmallImport) -> Future[ImportFinished]:
        return in_background(lambda: self.sut.submit(item))

    def hold_first_batch(self) -> Future[ImportFinished]:
        holding = self.submitted(SmallImport("held", "msg-held"))
        self.runner.entered.wait(TIMEOUT_SECONDS)
        return holding

    def queue_up(self, items: Sequence[SmallImport]) -> list[Future[ImportFinished]]:
        futures = []
        for item in items:
            futures.append(self.submitted(item))
            wait_until_queued(self.sut, len(futures))
        return futures

    def run_queued(self, items: Sequence[SmallImport]) -> list[Future[ImportFinished]]:
        self.hold_first_batch()
        futures = self.queue_up(items)
        self.runner.released.set()
        for future in futures:
            future.exception(TIMEOUT_SECONDS)
        return futures
