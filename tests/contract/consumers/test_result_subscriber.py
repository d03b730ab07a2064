from dataclasses import replace

import pytest

from tests.contract.consumers.result_subscriber import ImportNotice, read_result_event
from tests.contract.consumers.result_subscriber_pact import RESULT_SUBSCRIBER_PACT

FAILED = ImportNotice(
    event_id="8b560aea-4638-50e0-9620-6cc70fa7417d",
    event_type="ImportFailed",
    import_id="people-2026-05-05",
    dataset="people",
    rows_imported=0,
    rows_rejected=0,
    rejected_rows=(),
    error_code="missing_columns",
    error_message="why",
)
NOTICES = {
    "an ImportCompleted result event": ImportNotice(
        event_id="e530c2f2-4ae5-5ce0-8cb2-bf7c34acec47",
        event_type="ImportCompleted",
        import_id="people-2026-05-04",
        dataset="people",
        rows_imported=1,
        rows_rejected=1,
        rejected_rows=((2, "not an integer"),),
        error_code=None,
        error_message=None,
    ),
    "an ImportFailed result event": FAILED,
    "an ImportRejected result event": replace(
        FAILED, event_type="ImportRejected", import_id="people-2026-05-06", error_code="forbidden"
    ),
}


@pytest.mark.parametrize("description", list(RESULT_SUBSCRIBER_PACT.interactions))
def test_should_read_the_result_event_its_pact_describes(description: str) -> None:
    read: list[ImportNotice] = []

    RESULT_SUBSCRIBER_PACT.pact(description).verify(
        lambda body, attributes: read.append(read_result_event(body, attributes)), "Async"
    )

    assert read == [NOTICES[description]]
