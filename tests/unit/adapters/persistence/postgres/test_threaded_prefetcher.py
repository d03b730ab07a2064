import contextvars
import itertools
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import suppress

import pytest

from adapters.persistence.postgres.threaded_prefetcher import (
    THREAD_NAME,
    ThreadedPrefetcher,
)

REQUEST = contextvars.ContextVar("request", default="none")
SLOWER_THAN_A_PUT_TIMEOUT_SECONDS = 0.12


class BrokenSourceError(Exception):
    pass


class ConsumerError(Exception):
    pass


def failing_after(*items: int) -> Iterator[int]:
    yield from items
    raise BrokenSourceError("the source broke")


def frames_of_the_raised_error(sut: ThreadedPrefetcher[int]) -> list[str]:
    try:
        with sut as items:
            list(items)
    except BrokenSourceError as error:
        return [frame.name for frame in traceback.extract_tb(error.__traceback__)]
    return []


def prefetcher_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == THREAD_NAME]


def test_should_yield_every_item_in_order() -> None:
    sut = ThreadedPrefetcher(iter([1, 2, 3]), capacity=2)

    with sut as items:
        received = list(items)

    assert received == [1, 2, 3]


def test_should_yield_nothing_for_an_empty_source() -> None:
    sut = ThreadedPrefetcher[int](iter([]), capacity=2)

    with sut as items:
        received = list(items)

    assert received == []


def test_should_deliver_every_item_to_a_consumer_slower_than_the_producer() -> None:
    sut = ThreadedPrefetcher(iter([1, 2, 3]), capacity=1)

    with sut as items:
        time.sleep(SLOWER_THAN_A_PUT_TIMEOUT_SECONDS)
        received = list(items)

    assert received == [1, 2, 3]


def test_should_iterate_the_source_on_another_thread() -> None:
    sut = ThreadedPrefetcher((threading.get_ident() for _ in range(1)), capacity=1)

    with sut as items:
        [producer] = list(items)

    assert producer != threading.get_ident()


def test_should_iterate_the_source_in_the_context_of_the_caller() -> None:
    REQUEST.set("request-7")
    sut = ThreadedPrefetcher((REQUEST.get() for _ in range(2)), capacity=1)

    with sut as items:
        seen = list(items)

    assert seen == ["request-7", "request-7"]


def test_should_raise_the_error_of_the_source_with_its_own_type() -> None:
    sut = ThreadedPrefetcher(failing_after(1, 2), capacity=1)

    with pytest.raises(BrokenSourceError), sut as items:
        list(items)


def test_should_deliver_the_items_produced_before_the_source_failed() -> None:
    received: list[int] = []
    sut = ThreadedPrefetcher(failing_after(1, 2), capacity=1)

    with suppress(BrokenSourceError), sut as items:
        received.extend(items)

    assert received == [1, 2]


def test_should_keep_the_traceback_of_the_source_error() -> None:
    sut = ThreadedPrefetcher(failing_after(1), capacity=1)

    frames = frames_of_the_raised_error(sut)

    assert "failing_after" in frames


def test_should_stop_the_producer_when_the_consumer_leaves_early() -> None:
    sut = ThreadedPrefetcher(itertools.count(), capacity=1)

    with sut as items:
        next(items)

    assert prefetcher_threads() == []


def test_should_stop_the_producer_blocked_on_a_full_queue_when_the_consumer_fails() -> None:
    sut = ThreadedPrefetcher(itertools.count(), capacity=1)

    with suppress(ConsumerError), sut as items:
        next(items)
        time.sleep(SLOWER_THAN_A_PUT_TIMEOUT_SECONDS)
        raise ConsumerError("the database failed")

    assert prefetcher_threads() == []


def test_should_stop_the_producer_when_the_source_fails_after_the_consumer_left() -> None:
    sut = ThreadedPrefetcher(failing_after(1, 2), capacity=1)

    with sut as items:
        next(items)
        time.sleep(SLOWER_THAN_A_PUT_TIMEOUT_SECONDS)

    assert prefetcher_threads() == []
