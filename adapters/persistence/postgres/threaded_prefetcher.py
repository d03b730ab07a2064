import contextvars
import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

Item = TypeVar("Item")
PUT_TIMEOUT_SECONDS = 0.05
THREAD_NAME = "threaded-prefetcher"


class ThreadedPrefetcher(Generic[Item]):
    def __init__(self, items: Iterable[Item], *, capacity: int) -> None:
        self._items = items
        self._deliveries: queue.Queue[tuple[Item] | BaseException | None] = queue.Queue(
            maxsize=capacity
        )
        self._stopping = threading.Event()
        self._thread = threading.Thread(
            target=contextvars.copy_context().run,
            args=(self._produce,),
            name=THREAD_NAME,
            daemon=True,
        )

    def __enter__(self) -> Iterator[Item]:
        self._thread.start()
        return self._received()

    def __exit__(self, *_: object) -> None:
        self._stopping.set()
        self._thread.join()

    def _received(self) -> Iterator[Item]:
        while (delivery := self._deliveries.get()) is not None:
            if isinstance(delivery, BaseException):
                raise delivery
            yield delivery[0]

    def _produce(self) -> None:
        try:
            for item in self._items:
                if not self._deliver((item,)):
                    return
        except BaseException as error:
            self._deliver(error)
        else:
            self._deliver(None)

    def _deliver(self, delivery: tuple[Item] | BaseException | None) -> bool:
        while not self._stopping.is_set():
            try:
                self._deliveries.put(delivery, timeout=PUT_TIMEOUT_SECONDS)
            except queue.Full:
                continue
            return True
        return False
