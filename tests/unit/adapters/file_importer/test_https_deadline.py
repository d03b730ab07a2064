import pytest

from adapters.file_importer.https_deadline import HttpsDeadline
from tests.fakes.stepping_clock import SteppingClock


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(now=100.0)


@pytest.fixture
def sut(clock: SteppingClock) -> HttpsDeadline:
    return HttpsDeadline(10.0, per_wait_seconds=3.0, clock=clock)


def test_should_wait_the_per_wait_time_while_more_than_that_is_left(sut: HttpsDeadline) -> None:
    wait = sut.next_wait()

    assert wait == 3.0


def test_should_wait_only_what_is_left_near_the_deadline(
    sut: HttpsDeadline, clock: SteppingClock
) -> None:
    clock.now = 108.5

    wait = sut.next_wait()

    assert wait == 1.5


@pytest.mark.parametrize("moment", [110.0, 250.0], ids=["at-the-deadline", "long-after"])
def test_should_refuse_to_wait_once_the_deadline_has_passed(
    sut: HttpsDeadline, clock: SteppingClock, moment: float
) -> None:
    clock.now = moment

    with pytest.raises(TimeoutError, match="the 10 s deadline passed"):
        sut.next_wait()


def test_should_pass_a_check_before_the_deadline(sut: HttpsDeadline, clock: SteppingClock) -> None:
    clock.now = 109.9

    sut.check()

    assert clock.now == 109.9


def test_should_fail_a_check_once_the_deadline_has_passed(
    sut: HttpsDeadline, clock: SteppingClock
) -> None:
    clock.now = 110.0

    with pytest.raises(TimeoutError, match="deadline passed"):
        sut.check()
