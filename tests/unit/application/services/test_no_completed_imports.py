from dataclasses import replace

from application.services.no_completed_imports import NoCompletedImports
from tests.unit.application.services.cache_examples import COMPLETED


def test_should_find_nothing_it_was_asked_to_remember() -> None:
    sut = NoCompletedImports()
    sut.remember([COMPLETED, replace(COMPLETED, import_id="imp-2")])

    assert sut.find(COMPLETED.import_id) is None
