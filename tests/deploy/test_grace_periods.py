from collections.abc import Callable

import pytest

from tests.deploy.grace_sources import STOP_WINDOWS, StopWindow


@pytest.mark.parametrize("window", STOP_WINDOWS.values(), ids=STOP_WINDOWS.keys())
def test_should_leave_the_drain_its_whole_grace_before_killing_the_worker(
    window: Callable[[], StopWindow],
) -> None:
    stop_window = window()

    assert stop_window.stop_seconds > stop_window.grace_seconds
