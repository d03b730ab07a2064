from tests.fakes.stepping_clock import SteppingClock
from worker.health.liveness_monitor import LivenessMonitor


def test_should_be_alive_while_the_loop_beats() -> None:
    clock = SteppingClock()
    sut = LivenessMonitor(stuck_after_seconds=30.0, clock=clock)
    clock.now += 29.9

    alive = sut.alive()

    assert alive is True


def test_should_be_dead_when_the_loop_has_not_beaten_for_too_long() -> None:
    clock = SteppingClock()
    sut = LivenessMonitor(stuck_after_seconds=30.0, clock=clock)
    clock.now += 30.0

    alive = sut.alive()

    assert alive is False


def test_should_be_alive_again_after_a_fresh_beat() -> None:
    clock = SteppingClock()
    sut = LivenessMonitor(stuck_after_seconds=30.0, clock=clock)
    clock.now += 45.0
    sut.beat()

    alive = sut.alive()

    assert alive is True


def test_should_wait_thirty_seconds_by_default_before_calling_the_loop_stuck() -> None:
    clock = SteppingClock()
    sut = LivenessMonitor(clock=clock)
    clock.now += 30.0

    alive = sut.alive()

    assert alive is False
