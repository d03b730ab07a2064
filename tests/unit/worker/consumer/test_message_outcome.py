from datetime import UTC, datetime

import pytest

from domain.events.import_completed import ImportCompleted
from domain.events.import_error_detail import ImportErrorDetail
from domain.events.import_failed import ImportFailed
from domain.events.import_finished import ImportFinished
from domain.events.import_rejected import ImportRejected
from domain.lifecycle.import_answer import ImportAnswer
from worker.consumer.message_outcome import MessageOutcome

MOMENT = datetime(2024, 5, 1, tzinfo=UTC)
ERROR = ImportErrorDetail(code="forbidden", message="no")
COMPLETED = ImportCompleted(
    event_id="e-1",
    import_id="i-1",
    dataset="customers",
    correlation_id="c-1",
    started_at=MOMENT,
    finished_at=MOMENT,
)
FAILED = ImportFailed(
    event_id="e-1",
    import_id="i-1",
    dataset="customers",
    correlation_id="c-1",
    error=ERROR,
    started_at=MOMENT,
    finished_at=MOMENT,
)
REJECTED = ImportRejected(
    event_id="e-1",
    import_id="i-1",
    dataset="customers",
    correlation_id="c-1",
    error=ERROR,
    started_at=MOMENT,
    finished_at=MOMENT,
)


@pytest.mark.parametrize(
    ("result", "outcome"),
    [(COMPLETED, "completed"), (FAILED, "failed"), (REJECTED, "rejected")],
    ids=["completed", "failed", "rejected"],
)
def test_should_map_each_first_answer_to_the_outcome_of_its_result(
    result: ImportFinished, outcome: MessageOutcome
) -> None:
    sut = MessageOutcome

    mapped = sut.of(ImportAnswer(result=result))

    assert mapped == outcome


def test_should_map_a_repeated_answer_to_the_repeated_outcome() -> None:
    sut = MessageOutcome

    mapped = sut.of(ImportAnswer(result=COMPLETED, repeated=True))

    assert mapped == "repeated"
