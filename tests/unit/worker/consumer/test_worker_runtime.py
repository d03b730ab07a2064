import logging
import threading

import pytest

from adapters.messaging.ack_decision import AckDecision
from adapters.messaging.inbound_message import InboundMessage
from tests.unit.worker.consumer.runtime_doubles import (
    FakeHeartbeat,
    FakeRelayer,
    FakeSidecar,
    FakeSubscriber,
    FakeSupervisor,
)
from worker.consumer import worker_runtime
from worker.consumer.worker_runtime import WorkerRuntime, WorkerSignals


def _ack(message: InboundMessage) -> AckDecision:
    return AckDecision.ACK


class ClosableResource:
    def __init__(self) -> None:
        self.closed = False

    def close(self) -> None:
        self.closed = True


class RuntimeWorld:
    def __init__(self) -> None:
        self.subscriber = FakeSubscriber()
        self.sidecar = FakeSidecar()
        self.heartbeat = FakeHeartbeat()
        self.timeline: list[str] = []
        self.signals = WorkerSignals(
            stop_requested=threading.Event(), draining=threading.Event(), stopping=threading.Event()
        )
        self.grace_seconds = 5.0
        self.resource = ClosableResource()

    def runtime(self) -> WorkerRuntime:
        self.supervisor = FakeSupervisor(self.subscriber, _ack)
        return WorkerRuntime(
            subscriber=self.subscriber,
            supervisor=self.supervisor,
            relayer=FakeRelayer(self.subscriber, self.timeline),
            sidecar=self.sidecar,
            heartbeat=self.heartbeat,
            signals=self.signals,
            grace_seconds=self.grace_seconds,
            resources=(self.resource,),
        )


@pytest.fixture(autouse=True)
def fast_beats(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker_runtime, "BEAT_SECONDS", 0.01)


@pytest.fixture
def world() -> RuntimeWorld:
    return RuntimeWorld()


def _stop_after_first_beat(sut: WorkerRuntime, world: RuntimeWorld) -> None:
    world.heartbeat.beaten.wait(2)
    sut.request_stop()


def _stop_on_beat(sut: WorkerRuntime, world: RuntimeWorld, beat: int) -> None:
    world.heartbeat.on_beat = lambda beats: sut.request_stop() if beats == beat else None


def test_should_exit_zero_when_asked_to_stop_before_running(world: RuntimeWorld) -> None:
    sut = world.runtime()
    sut.request_stop()

    exit_code = sut.run()

    assert exit_code == 0


@pytest.mark.timeout(5)
def test_should_exit_zero_when_asked_to_stop_while_running(world: RuntimeWorld) -> None:
    sut = world.runtime()
    stopper = threading.Thread(target=_stop_after_first_beat, args=(sut, world))
    stopper.start()

    exit_code = sut.run()

    stopper.join()
    assert exit_code == 0


def test_should_mark_the_worker_draining_when_asked_to_stop(world: RuntimeWorld) -> None:
    sut = world.runtime()

    sut.request_stop()

    assert world.signals.draining.is_set()


def test_should_keep_running_while_the_subscriber_is_not_pulling(world: RuntimeWorld) -> None:
    world.subscriber.alive = False
    sut = world.runtime()
    _stop_on_beat(sut, world, 3)

    exit_code = sut.run()

    assert exit_code == 0


def test_should_tend_the_supervisor_at_every_beat(world: RuntimeWorld) -> None:
    sut = world.runtime()
    _stop_on_beat(sut, world, 3)

    sut.run()

    assert world.supervisor.tended == 3


def test_should_have_the_supervisor_start_the_subscriber_with_the_handler(
    world: RuntimeWorld,
) -> None:
    sut = world.runtime()
    sut.request_stop()

    sut.run()

    assert world.subscriber.handle is _ack


def test_should_start_the_sidecar_and_stop_it_last(world: RuntimeWorld) -> None:
    sut = world.runtime()
    sut.request_stop()

    sut.run()

    assert world.sidecar.events == ["start", "stop"]


def test_should_beat_once_per_loop_until_asked_to_stop(world: RuntimeWorld) -> None:
    sut = world.runtime()
    _stop_on_beat(sut, world, 3)

    sut.run()

    assert world.heartbeat.beats == 3


def test_should_start_the_relayer_before_the_subscriber_pulls(world: RuntimeWorld) -> None:
    sut = world.runtime()
    sut.request_stop()

    sut.run()

    assert world.timeline[0] == "relayer started, subscriber not pulling"


def test_should_stop_the_relayer_once_the_subscriber_has_drained(world: RuntimeWorld) -> None:
    sut = world.runtime()
    sut.request_stop()
    world.subscriber.on_stop = lambda: world.timeline.append("subscriber stopped")

    sut.run()

    assert world.timeline[1:] == ["subscriber stopped", "relayer stopped"]


def test_should_give_the_subscriber_the_whole_grace_period(world: RuntimeWorld) -> None:
    world.grace_seconds = 7.5
    sut = world.runtime()
    sut.request_stop()

    sut.run()

    assert world.subscriber.stop_graces == [7.5]


def test_should_cancel_in_flight_imports_when_the_drain_outlasts_the_grace_fraction(
    world: RuntimeWorld,
) -> None:
    world.grace_seconds = 0.05
    world.subscriber = FakeSubscriber(stop_seconds=0.2)
    sut = world.runtime()
    sut.request_stop()

    sut.run()

    assert world.signals.stopping.is_set()


def test_should_not_cancel_imports_that_drain_in_time(world: RuntimeWorld) -> None:
    world.grace_seconds = 0.2
    sut = world.runtime()
    sut.request_stop()

    sut.run()

    assert not world.signals.stopping.wait(0.3)


def test_should_warn_when_imports_outlast_the_grace_period(
    world: RuntimeWorld, caplog: pytest.LogCaptureFixture
) -> None:
    world.subscriber = FakeSubscriber(drained=False)
    sut = world.runtime()
    sut.request_stop()
    caplog.set_level(logging.INFO, logger="worker.consumer.worker_runtime")

    sut.run()

    assert [record.msg for record in caplog.records if "drain" in record.msg] == [
        "worker.drain_timed_out"
    ]


def test_should_close_its_resources_after_draining(world: RuntimeWorld) -> None:
    sut = world.runtime()
    sut.request_stop()

    sut.run()

    assert world.resource.closed


def test_should_leave_its_resources_open_when_imports_outlast_the_grace_period(
    world: RuntimeWorld,
) -> None:
    world.subscriber = FakeSubscriber(drained=False)
    sut = world.runtime()
    sut.request_stop()

    sut.run()

    assert not world.resource.closed
