import logging
from contextlib import suppress

import pytest

from adapters.messaging.ack_decision import AckDecision
from adapters.messaging.inbound_message import InboundMessage
from application.errors import DependencyUnavailableError
from shared.resilience.circuit_state import CircuitState
from shared.resilience.dependency_policy import DependencyPolicy
from shared.resilience.policy_settings import PolicySettings
from tests.support.policies import quick_policy
from tests.unit.worker.consumer.runtime_doubles import FakeSubscriber
from worker.consumer.pull_supervisor import PullSupervisor, RequiredDependency

TRIPPING = PolicySettings(
    attempts=1,
    first_backoff_seconds=0.0,
    max_backoff_seconds=0.0,
    failure_threshold=1,
    reset_seconds=0.0,
)
STAYS_OPEN = PolicySettings(
    attempts=1,
    first_backoff_seconds=0.0,
    max_backoff_seconds=0.0,
    failure_threshold=1,
    reset_seconds=60.0,
)


def _ack(message: InboundMessage) -> AckDecision:
    return AckDecision.ACK


def trip(policy: DependencyPolicy) -> None:
    with suppress(DependencyUnavailableError), policy.guarded():
        raise DependencyUnavailableError("down")


class Trial:
    def __init__(self, policy: DependencyPolicy, *, answers: bool) -> None:
        self._policy = policy
        self.answers = answers
        self.tries = 0

    def __call__(self) -> None:
        self.tries += 1
        with self._policy.guarded():
            if not self.answers:
                raise DependencyUnavailableError("still down")


class World:
    def __init__(self, store_settings: PolicySettings = TRIPPING) -> None:
        self.subscriber = FakeSubscriber()
        self.store = quick_policy("store", store_settings)
        self.pull = quick_policy("pubsub_pull", TRIPPING)
        self.trial = Trial(self.store, answers=False)
        self.pulling: list[bool] = []
        self.sut = PullSupervisor(
            subscriber=self.subscriber,
            handle=_ack,
            required=(RequiredDependency(policy=self.store, trial=self.trial),),
            pull=self.pull,
            pulling=self.pulling.append,
            grace_seconds=3.0,
        )


@pytest.fixture
def world() -> World:
    return World()


def paused(world: World) -> World:
    world.sut.start()
    trip(world.store)
    world.sut.tend()
    return world


def test_should_start_pulling_with_the_handler(world: World) -> None:
    world.sut.start()

    assert world.subscriber.handle is _ack


def test_should_report_pulling_once_started(world: World) -> None:
    world.sut.start()

    assert world.pulling == [True]


def test_should_leave_a_healthy_stream_alone(world: World) -> None:
    world.sut.start()

    world.sut.tend()

    assert world.subscriber.stop_graces == []


def test_should_stop_pulling_within_the_grace_when_a_required_circuit_opens(world: World) -> None:
    world.sut.start()
    trip(world.store)

    world.sut.tend()

    assert world.subscriber.stop_graces == [3.0]


def test_should_report_that_pulling_paused(world: World) -> None:
    paused(world)

    assert world.pulling == [True, False]


def test_should_log_which_dependency_paused_the_pull(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="worker.consumer.pull_supervisor")

    paused(world)

    assert [
        (record.getMessage(), record.__dict__["dependencies"]) for record in caplog.records
    ] == [("pull.paused", ["store"])]


def test_should_stop_pulling_only_once_while_the_circuit_stays_open() -> None:
    world = paused(World(STAYS_OPEN))

    world.sut.tend()

    assert world.subscriber.stop_graces == [3.0]


def test_should_try_the_dependency_while_paused(world: World) -> None:
    paused(world)

    world.sut.tend()

    assert world.trial.tries == 2


def test_should_pull_again_once_a_trial_closes_the_circuit(world: World) -> None:
    paused(world)
    world.trial.answers = True
    world.sut.tend()

    world.sut.tend()

    assert world.pulling == [True, False, True]


def test_should_not_count_a_paused_stream_as_ended(world: World) -> None:
    paused(world)
    world.trial.answers = True
    world.sut.tend()

    world.sut.tend()

    assert world.pull.state is CircuitState.CLOSED


def test_should_start_again_a_stream_that_ended_by_itself(world: World) -> None:
    world.sut.start()
    world.subscriber.alive = False
    world.subscriber.handle = None

    world.sut.tend()

    assert world.subscriber.handle is _ack


def test_should_count_a_stream_that_ended_by_itself_as_a_failure_of_the_pull(
    world: World,
) -> None:
    world.sut.start()
    world.subscriber.alive = False

    world.sut.tend()

    assert world.pull.state is CircuitState.OPEN
