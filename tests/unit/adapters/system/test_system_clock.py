from datetime import UTC, datetime, timedelta

from adapters.system.system_clock import SystemClock


def test_should_tell_the_time_in_utc() -> None:
    sut = SystemClock()

    now = sut.now()

    assert now.utcoffset() == timedelta(0)


def test_should_tell_the_current_time() -> None:
    sut = SystemClock()
    before = datetime.now(UTC)

    now = sut.now()

    assert before <= now <= datetime.now(UTC)
