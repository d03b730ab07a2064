from contextlib import suppress
from datetime import UTC, datetime

import pytest

from adapters.persistence.guarded_unit_of_work import GuardedUnitOfWork
from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import DependencyUnavailableError
from application.ports.outbound_message import OutboundMessage
from domain.events.import_completed import ImportCompleted
from domain.model.data_record import DataRecord
from shared.resilience.circuit_state import CircuitState
from shared.resilience.policy_settings import PolicySettings
from tests.fakes.unreachable_unit_of_work import UnreachableUnitOfWork
from tests.support.policies import quick_policy

MOMENT = datetime(2024, 5, 1, tzinfo=UTC)
RECORD = DataRecord(dataset="people", key=("1",), values={"id": "1"}, import_id="imp-1")
MESSAGE = OutboundMessage(topic="import-results", data=b"{}")
TRIPPING = PolicySettings(
    attempts=2, first_backoff_seconds=0.0, max_backoff_seconds=0.0, failure_threshold=1
)


class ClosingUnitOfWork(InMemoryUnitOfWork):
    def __init__(self) -> None:
        super().__init__()
        self.closed = False

    def close(self) -> None:
        self.closed = True


class FlakyConnect(InMemoryUnitOfWork):
    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures
        self.attempts = 0

    def __enter__(self) -> "FlakyConnect":
        self.attempts += 1
        if self.attempts <= self.failures:
            raise DependencyUnavailableError("connection refused")
        super().__enter__()
        return self


def test_should_retry_beginning_a_transaction_the_store_refused() -> None:
    inner = FlakyConnect(failures=1)
    sut = GuardedUnitOfWork(inner, quick_policy(settings=TRIPPING))

    with sut:
        pass

    assert inner.attempts == 2


def test_should_commit_through_the_inner_unit_of_work() -> None:
    inner = InMemoryUnitOfWork()
    sut = GuardedUnitOfWork(inner, quick_policy())
    with sut:
        sut.imports.add(sample_result())
        sut.commit()

    with inner:
        found = inner.imports.find("imp-1")

    assert found == sample_result()


def test_should_open_the_circuit_when_a_transaction_fails_for_an_outage() -> None:
    policy = quick_policy(settings=TRIPPING)
    sut = GuardedUnitOfWork(InMemoryUnitOfWork(), policy)

    with suppress(DependencyUnavailableError), sut:
        raise DependencyUnavailableError("connection lost")

    assert policy.state is CircuitState.OPEN


def test_should_open_the_circuit_when_the_store_cannot_be_reached() -> None:
    policy = quick_policy(settings=TRIPPING)
    sut = GuardedUnitOfWork(UnreachableUnitOfWork(), policy)

    with suppress(DependencyUnavailableError), sut:
        pass

    assert policy.state is CircuitState.OPEN


def test_should_refuse_a_transaction_at_once_while_the_circuit_is_open() -> None:
    policy = quick_policy(settings=TRIPPING)
    inner = FlakyConnect(failures=0)
    sut = GuardedUnitOfWork(inner, policy)
    with suppress(DependencyUnavailableError), sut:
        raise DependencyUnavailableError("connection lost")

    with pytest.raises(DependencyUnavailableError, match="circuit is open"), sut:
        pass


def test_should_not_count_a_failure_that_is_no_outage() -> None:
    policy = quick_policy(settings=TRIPPING)
    sut = GuardedUnitOfWork(InMemoryUnitOfWork(), policy)

    with suppress(ValueError), sut:
        raise ValueError("a value the store refuses")

    assert policy.state is CircuitState.CLOSED


def test_should_roll_back_what_was_not_committed() -> None:
    inner = InMemoryUnitOfWork()
    sut = GuardedUnitOfWork(inner, quick_policy())
    with sut:
        sut.imports.add(sample_result())

    with inner:
        found = inner.imports.find("imp-1")

    assert found is None


def test_should_write_records_through_the_inner_unit_of_work() -> None:
    inner = InMemoryUnitOfWork()
    sut = GuardedUnitOfWork(inner, quick_policy())
    with sut:
        sut.records.upsert_all([RECORD])
        sut.commit()

    with inner:
        found = inner.records.get("people", ("1",))

    assert found == RECORD


def test_should_write_the_outbox_through_the_inner_unit_of_work() -> None:
    inner = InMemoryUnitOfWork()
    sut = GuardedUnitOfWork(inner, quick_policy())
    with sut:
        sut.outbox.add([MESSAGE])
        sut.commit()

    with inner:
        pending = [entry.message for entry in inner.outbox.pending(10)]

    assert pending == [MESSAGE]


def test_should_close_the_inner_unit_of_work() -> None:
    inner = ClosingUnitOfWork()
    sut = GuardedUnitOfWork(inner, quick_policy())

    sut.close()

    assert inner.closed is True


def test_should_roll_back_through_the_inner_unit_of_work() -> None:
    inner = InMemoryUnitOfWork()
    sut = GuardedUnitOfWork(inner, quick_policy())
    with sut:
        sut.imports.add(sample_result())
        sut.rollback()
        sut.commit()

    with inner:
        found = inner.imports.find("imp-1")

    assert found is None


def sample_result() -> ImportCompleted:
    return ImportCompleted(
        event_id="e-1",
        import_id="imp-1",
        dataset="people",
        correlation_id="c-1",
        started_at=MOMENT,
        finished_at=MOMENT,
    )


def test_should_leave_without_counting_a_transaction_it_never_began() -> None:
    policy = quick_policy(settings=TRIPPING)
    sut = GuardedUnitOfWork(InMemoryUnitOfWork(), policy)

    sut.__exit__(DependencyUnavailableError, DependencyUnavailableError("lost"), None)

    assert policy.state is CircuitState.CLOSED
