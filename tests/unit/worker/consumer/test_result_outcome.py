from datetime import UTC, datetime

import pytest

from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.events.import_rejected import ImportRejected
from worker.consumer.message_outcome import MessageOutcome
from worker.consumer.result_outcome import result_outcome

MOMENT = datetime(2024, 5, 1, tzinfo=UTC)
ERROR = ImportErrorDetail(code="forbidden", message="no")


def _finished(event_type: type[ImportFinished], error: ImportErrorDetail | None) -> ImportFinished:
    return event_type(
        event_id="e-1",
        import_id="i-1",
        dataset="customers",
        correlation_id="c-1",
        error=error,
        started_at=MOMENT,
        finished_at=MOMENT,
    )


@pytest.mark.parametrize(
    ("result", "outcome"),
    [
        (_finished(ImportCompleted, None), "completed"),
        (_finished(ImportFailed, ERROR), "failed"),
        (_finished(ImportRejected, ERROR), "rejected"),
    ],
    ids=["completed", "failed", "rejected"],
)
def test_should_map_each_result_event_to_its_message_outcome(
    result: ImportFinished, outcome: MessageOutcome
) -> None:
    mapped = result_outcome(result)

    assert mapped == outcome
