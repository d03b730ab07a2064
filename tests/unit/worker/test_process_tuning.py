import gc
import sys
from collections.abc import Iterator

import pytest

from tests.support.garbage_collection import restored_garbage_collection
from worker.process_tuning import (
    BULK_IMPORT_SWITCH_INTERVAL_SECONDS,
    OLDER_GENERATION_THRESHOLD,
    YOUNG_GENERATION_THRESHOLD,
    shorten_thread_switch_interval,
    tune_garbage_collection,
)


@pytest.fixture(autouse=True)
def restored() -> Iterator[None]:
    with restored_garbage_collection():
        yield


def test_should_collect_the_young_generation_less_often() -> None:
    tune_garbage_collection()

    assert gc.get_threshold() == (
        YOUNG_GENERATION_THRESHOLD,
        OLDER_GENERATION_THRESHOLD,
        OLDER_GENERATION_THRESHOLD,
    )


def test_should_leave_what_start_up_built_out_of_later_collections() -> None:
    tune_garbage_collection()

    assert gc.get_freeze_count() > 0


def test_should_shorten_the_thread_switch_interval_for_a_bulk_import() -> None:
    shorten_thread_switch_interval()

    assert sys.getswitchinterval() == pytest.approx(BULK_IMPORT_SWITCH_INTERVAL_SECONDS)
