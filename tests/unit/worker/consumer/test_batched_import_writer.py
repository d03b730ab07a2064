import logging
from collections.abc import Iterator, Sequence

import pytest

from application.errors import DependencyUnavailableError, UnstorableRowError
from application.ports.import_attempt import ImportAttempt
from domain.lifecycle.import_answer import ImportAnswer
from tests.unit.worker.consumer.batcher_doubles import (
    TIMEOUT_SECONDS,
    BatcherWorld,
    GatedBatchRunner,
    closed,
    closing,
    finished,
    small_import,
    wait_until_queued,
)

MAX_BATCH = 3
FIRST = small_import("imp-1", "msg-1")
SECOND = small_import("imp-2", "msg-2")
THIRD = small_import("imp-3", "msg-3")
FOURTH = small_import("imp-4", "msg-4")
FIFTH = small_import("imp-5", "msg-5")
FIRST_AGAIN = small_import("imp-1", "msg-1-again")
POISONED = small_import("poisoned", "msg-poisoned")


@pytest.fixture
def runner() -> GatedBatchRunner:
    return GatedBatchRunner(poison=POISONED.import_id)


@pytest.fixture
def world(runner: GatedBatchRunner) -> Iterator[BatcherWorld]:
    world = BatcherWorld(runner, max_batch=MAX_BATCH)
    yield world
    runner.released.set()
    closed(world.sut)


def test_should_write_a_lone_submission_at_once_without_waiting_for_more(
    world: BatcherWorld,
) -> None:
    world.runner.released.set()

    result = world.sut.write(FIRST)

    assert result == finished(FIRST)


def test_should_run_whatever_waited_together_as_the_next_batch(world: BatcherWorld) -> None:
    world.run_queued([FIRST, SECOND, THIRD])

    assert world.runner.batches == [["held"], ["imp-1", "imp-2", "imp-3"]]


def test_should_give_each_submitter_of_a_batch_its_own_result(world: BatcherWorld) -> None:
    futures = world.run_queued([THIRD, FIRST, SECOND])

    assert [future.result(TIMEOUT_SECONDS) for future in futures] == [
        finished(THIRD),
        finished(FIRST),
        finished(SECOND),
    ]


def test_should_defer_a_submission_whose_import_id_is_already_in_the_batch(
    world: BatcherWorld,
) -> None:
    world.run_queued([FIRST, FIRST_AGAIN, SECOND])

    assert world.runner.batches == [["held"], ["imp-1", "imp-2"], ["imp-1"]]


def test_should_give_a_deferred_duplicate_its_own_result(world: BatcherWorld) -> None:
    futures = world.run_queued([FIRST, FIRST_AGAIN, SECOND])

    assert futures[1].result(TIMEOUT_SECONDS) == finished(FIRST_AGAIN)


def test_should_hold_no_more_than_max_batch_submissions_in_a_batch(world: BatcherWorld) -> None:
    world.run_queued([FIRST, SECOND, THIRD, FOURTH, FIFTH])

    assert [len(batch) for batch in world.runner.batches] == [1, 3, 2]


def test_should_raise_the_failure_of_a_batch_to_every_submitter_of_that_batch(
    world: BatcherWorld,
) -> None:
    futures = world.run_queued([POISONED, FIRST])

    assert [type(future.exception(TIMEOUT_SECONDS)) for future in futures] == [
        DependencyUnavailableError,
        DependencyUnavailableError,
    ]


def test_should_keep_running_batches_after_one_failed(world: BatcherWorld) -> None:
    world.run_queued([POISONED, FIRST])

    result = world.submitted(SECOND).result(TIMEOUT_SECONDS)

    assert result == finished(SECOND)


def test_should_log_a_failed_batch_with_its_size(
    world: BatcherWorld, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="worker.consumer.batched_import_writer")

    world.run_queued([POISONED, FIRST])

    assert [(record.getMessage(), record.__dict__["imports"]) for record in caplog.records] == [
        ("import.batch_failed", 2)
    ]


def test_should_return_from_close_when_nothing_was_submitted(world: BatcherWorld) -> None:
    closer = closed(world.sut)

    assert not closer.is_alive()


def test_should_end_its_thread_when_closed(world: BatcherWorld) -> None:
    world.runner.released.set()
    world.sut.write(FIRST)

    closed(world.sut)

    assert not world.runner.threads[0].is_alive()


def test_should_still_run_a_deferred_duplicate_queued_before_close(world: BatcherWorld) -> None:
    world.hold_first_batch()
    futures = world.queue_up([FIRST, FIRST_AGAIN])
    closing(world.sut)
    wait_until_queued(world.sut, 3)

    world.runner.released.set()

    assert futures[1].result(TIMEOUT_SECONDS) == finished(FIRST_AGAIN)


class FirstAnswerOnlyRunner(GatedBatchRunner):
    def __call__(self, items: Sequence[ImportAttempt]) -> list[ImportAnswer]:
        return super().__call__(items)[:1]


@pytest.fixture
def short_world() -> Iterator[BatcherWorld]:
    runner = FirstAnswerOnlyRunner()
    world = BatcherWorld(runner, max_batch=MAX_BATCH)
    yield world
    runner.released.set()
    closed(world.sut)


@pytest.fixture
def unstorable_world() -> Iterator[BatcherWorld]:
    runner = GatedBatchRunner(poison=POISONED.import_id, failure=UnstorableRowError("NUL"))
    world = BatcherWorld(runner, max_batch=MAX_BATCH)
    yield world
    runner.released.set()
    closed(world.sut)


def test_should_write_each_request_alone_when_a_batch_fails_for_no_shared_reason(
    short_world: BatcherWorld,
) -> None:
    futures = short_world.run_queued([FIRST, SECOND])

    assert futures[1].result(TIMEOUT_SECONDS) == finished(SECOND)


def test_should_fail_only_the_request_that_fails_alone(unstorable_world: BatcherWorld) -> None:
    futures = unstorable_world.run_queued([FIRST, POISONED, SECOND])

    assert isinstance(futures[1].exception(TIMEOUT_SECONDS), UnstorableRowError)


def test_should_complete_every_other_request_of_a_batch_one_request_poisoned(
    unstorable_world: BatcherWorld,
) -> None:
    futures = unstorable_world.run_queued([FIRST, POISONED, SECOND])

    assert [futures[0].result(TIMEOUT_SECONDS), futures[2].result(TIMEOUT_SECONDS)] == [
        finished(FIRST),
        finished(SECOND),
    ]


def test_should_log_that_a_batch_was_written_request_by_request(
    unstorable_world: BatcherWorld, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="worker.consumer.batched_import_writer")

    unstorable_world.run_queued([FIRST, POISONED])

    assert [record.getMessage() for record in caplog.records] == ["import.batch_isolated"]
