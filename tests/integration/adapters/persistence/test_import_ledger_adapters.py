from collections.abc import Sequence

import pytest

from application.ports.unit_of_work import UnitOfWork
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from tests.integration.adapters.persistence.persistence_samples import (
    a_completed_import,
    a_failed_import,
)

pytestmark = pytest.mark.integration

IMPORT_ID = "import-7"
COMPLETED = a_completed_import(IMPORT_ID, event_id="event-completed")
LATER_COMPLETED = a_completed_import(IMPORT_ID, event_id="event-completed-later")
FAILED = a_failed_import(IMPORT_ID, event_id="event-failed")
LATER_FAILED = a_failed_import(IMPORT_ID, event_id="event-failed-later")
OTHER_ID = "import-8"
OTHER_FAILED = a_failed_import(OTHER_ID, event_id="event-other-failed")


def recorded(uow: UnitOfWork, result: ImportFinished) -> ImportFinished:
    with uow:
        stored = uow.imports.add(result)
        uow.commit()
    return stored


def found(uow: UnitOfWork) -> ImportFinished | None:
    with uow:
        return uow.imports.find(IMPORT_ID)


def recorded_together(uow: UnitOfWork, results: Sequence[ImportFinished]) -> list[ImportFinished]:
    with uow:
        stored = uow.imports.add_all(results)
        uow.commit()
    return stored


def found_together(uow: UnitOfWork, *import_ids: str) -> dict[str, ImportFinished | None]:
    with uow:
        return {import_id: uow.imports.find(import_id) for import_id in import_ids}


@pytest.mark.parametrize(
    "result",
    [a_completed_import(), a_failed_import()],
    ids=["completed with rejections", "failed with an error"],
)
def test_should_find_a_recorded_import_result(uow: UnitOfWork, result: ImportFinished) -> None:
    recorded(uow, result)

    with uow:
        stored = uow.imports.find(result.import_id)

    assert stored == result


def test_should_keep_the_type_of_a_recorded_import_result(uow: UnitOfWork) -> None:
    recorded(uow, FAILED)

    stored = found(uow)

    assert isinstance(stored, ImportFailed)


def test_should_not_find_an_unknown_import(uow: UnitOfWork) -> None:
    with uow:
        stored = uow.imports.find("never-ran")

    assert stored is None


def test_should_return_the_result_it_recorded_for_a_new_import(uow: UnitOfWork) -> None:
    stored = recorded(uow, COMPLETED)

    assert stored == COMPLETED


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (COMPLETED, FAILED, COMPLETED),
        (COMPLETED, LATER_COMPLETED, COMPLETED),
        (FAILED, COMPLETED, COMPLETED),
        (FAILED, LATER_FAILED, LATER_FAILED),
    ],
    ids=[
        "completed kept against a later failure",
        "first completion kept against a later completion",
        "failure replaced by a completion",
        "failure replaced by a later failure",
    ],
)
def test_should_return_what_is_stored_when_an_import_is_recorded_again(
    uow: UnitOfWork,
    first: ImportFinished,
    second: ImportFinished,
    expected: ImportFinished,
) -> None:
    recorded(uow, first)

    stored = recorded(uow, second)

    assert stored == expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (COMPLETED, FAILED, COMPLETED),
        (COMPLETED, LATER_COMPLETED, COMPLETED),
        (FAILED, COMPLETED, COMPLETED),
        (FAILED, LATER_FAILED, LATER_FAILED),
    ],
    ids=[
        "completed kept against a later failure",
        "first completion kept against a later completion",
        "failure replaced by a completion",
        "failure replaced by a later failure",
    ],
)
def test_should_store_a_result_unless_a_completed_one_is_stored(
    uow: UnitOfWork, first: ImportFinished, second: ImportFinished, expected: ImportFinished
) -> None:
    recorded(uow, first)
    recorded(uow, second)

    stored = found(uow)

    assert stored == expected


def test_should_keep_a_completed_result_recorded_earlier_in_the_same_unit_of_work(
    uow: UnitOfWork,
) -> None:
    with uow:
        uow.imports.add(COMPLETED)

        stored = uow.imports.add(FAILED)

    assert stored == COMPLETED


def test_should_forget_a_result_recorded_without_commit(uow: UnitOfWork) -> None:
    with uow:
        uow.imports.add(COMPLETED)

    stored = found(uow)

    assert stored is None


def test_should_find_a_result_recorded_earlier_in_the_same_unit_of_work(uow: UnitOfWork) -> None:
    with uow:
        uow.imports.add(COMPLETED)
        stored = uow.imports.find(IMPORT_ID)

    assert stored == COMPLETED


def test_should_store_every_new_result_recorded_together(uow: UnitOfWork) -> None:
    recorded_together(uow, [COMPLETED, OTHER_FAILED])

    stored = found_together(uow, IMPORT_ID, OTHER_ID)

    assert stored == {IMPORT_ID: COMPLETED, OTHER_ID: OTHER_FAILED}


def test_should_return_the_results_it_recorded_together_for_new_imports(uow: UnitOfWork) -> None:
    stored = recorded_together(uow, [COMPLETED, OTHER_FAILED])

    assert stored == [COMPLETED, OTHER_FAILED]


def test_should_return_nothing_when_recording_no_results_together(uow: UnitOfWork) -> None:
    stored = recorded_together(uow, [])

    assert stored == []


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (COMPLETED, FAILED, COMPLETED),
        (COMPLETED, LATER_COMPLETED, COMPLETED),
        (FAILED, COMPLETED, COMPLETED),
        (FAILED, LATER_FAILED, LATER_FAILED),
    ],
    ids=[
        "completed kept against a later failure",
        "first completion kept against a later completion",
        "failure replaced by a completion",
        "failure replaced by a later failure",
    ],
)
def test_should_return_what_is_stored_when_imports_are_recorded_again_together(
    uow: UnitOfWork,
    first: ImportFinished,
    second: ImportFinished,
    expected: ImportFinished,
) -> None:
    recorded(uow, first)

    stored = recorded_together(uow, [second, OTHER_FAILED])

    assert stored == [expected, OTHER_FAILED]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (COMPLETED, FAILED, COMPLETED),
        (COMPLETED, LATER_COMPLETED, COMPLETED),
        (FAILED, COMPLETED, COMPLETED),
        (FAILED, LATER_FAILED, LATER_FAILED),
    ],
    ids=[
        "completed kept against a later failure",
        "first completion kept against a later completion",
        "failure replaced by a completion",
        "failure replaced by a later failure",
    ],
)
def test_should_store_results_recorded_together_unless_a_completed_one_is_stored(
    uow: UnitOfWork, first: ImportFinished, second: ImportFinished, expected: ImportFinished
) -> None:
    recorded(uow, first)
    recorded_together(uow, [second, OTHER_FAILED])

    stored = found_together(uow, IMPORT_ID, OTHER_ID)

    assert stored == {IMPORT_ID: expected, OTHER_ID: OTHER_FAILED}


def test_should_return_the_results_recorded_together_in_the_order_they_were_given(
    uow: UnitOfWork,
) -> None:
    last = a_completed_import("import-1", event_id="event-last")
    recorded(uow, COMPLETED)

    stored = recorded_together(uow, [OTHER_FAILED, FAILED, last])

    assert stored == [OTHER_FAILED, COMPLETED, last]


def test_should_forget_results_recorded_together_without_commit(uow: UnitOfWork) -> None:
    with uow:
        uow.imports.add_all([COMPLETED, OTHER_FAILED])

    stored = found_together(uow, IMPORT_ID, OTHER_ID)

    assert stored == {IMPORT_ID: None, OTHER_ID: None}


def test_should_find_results_recorded_together_earlier_in_the_same_unit_of_work(
    uow: UnitOfWork,
) -> None:
    with uow:
        uow.imports.add_all([COMPLETED, OTHER_FAILED])
        stored = {import_id: uow.imports.find(import_id) for import_id in (OTHER_ID, IMPORT_ID)}

    assert stored == {IMPORT_ID: COMPLETED, OTHER_ID: OTHER_FAILED}
