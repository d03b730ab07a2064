import sys
from collections.abc import Iterator

import pytest

from adapters.persistence.postgres.short_switch_interval import ShortSwitchInterval

DEFAULT_SECONDS = 0.005
SHORT_SECONDS = 0.0002


@pytest.fixture(autouse=True)
def default_switch_interval() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(DEFAULT_SECONDS)
    yield
    sys.setswitchinterval(previous)


def test_should_shorten_the_switch_interval_while_held() -> None:
    with ShortSwitchInterval(SHORT_SECONDS):
        held = sys.getswitchinterval()

    assert held == pytest.approx(SHORT_SECONDS, abs=1e-6)


def test_should_restore_the_switch_interval_when_released() -> None:
    with ShortSwitchInterval(SHORT_SECONDS):
        pass

    assert sys.getswitchinterval() == pytest.approx(DEFAULT_SECONDS, abs=1e-6)


def test_should_keep_the_interval_short_while_another_holder_remains() -> None:
    outer, inner = ShortSwitchInterval(SHORT_SECONDS), ShortSwitchInterval(SHORT_SECONDS)
    outer.__enter__()
    with inner:
        pass

    remaining = sys.getswitchinterval()
    outer.__exit__()

    assert remaining == pytest.approx(SHORT_SECONDS, abs=1e-6)


def test_should_restore_the_interval_when_the_last_holder_releases_it() -> None:
    with ShortSwitchInterval(SHORT_SECONDS), ShortSwitchInterval(SHORT_SECONDS):
        pass

    assert sys.getswitchinterval() == pytest.approx(DEFAULT_SECONDS, abs=1e-6)


def test_should_not_lengthen_an_interval_already_shorter() -> None:
    sys.setswitchinterval(SHORT_SECONDS / 2)

    with ShortSwitchInterval(SHORT_SECONDS):
        held = sys.getswitchinterval()

    assert held < SHORT_SECONDS
