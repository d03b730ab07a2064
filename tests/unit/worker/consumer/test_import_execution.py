import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from application.ports.record_source import SourceDescriptor
from application.use_cases.import_data import ImportData
from domain.events.import_completed import ImportCompleted
from domain.lifecycle.import_answer import ImportAnswer
from domain.model.import_schema import ImportSchema
from worker.consumer.import_execution import BATCHED_INLINE_CHARS, ImportExecution
from worker.consumer.streamed_imports import StreamedImports

MOMENT = datetime(2024, 5, 1, tzinfo=UTC)
SMALL = ImportData(
    request_id="msg-1",
    import_id="imp-1",
    dataset="people",
    source=SourceDescriptor(inline="id\n1\n"),
    schema=ImportSchema(),
    correlation_id="corr-1",
)
LARGE = replace(SMALL, source=SourceDescriptor(inline="x" * (BATCHED_INLINE_CHARS + 1)))
LARGEST_SMALL = replace(SMALL, source=SourceDescriptor(inline="x" * BATCHED_INLINE_CHARS))
LOCATED = replace(SMALL, source=SourceDescriptor(uri="https://example.org/people.csv"))


class WhereItRan:
    def __init__(self) -> None:
        self.threads: list[str] = []

    def execute(self, command: ImportData) -> ImportAnswer:
        self.threads.append(threading.current_thread().name)
        return ImportAnswer(
            result=ImportCompleted(
                event_id="e",
                import_id=command.import_id,
                dataset=command.dataset,
                correlation_id=command.correlation_id,
                started_at=MOMENT,
                finished_at=MOMENT,
            )
        )


@pytest.fixture
def use_case() -> WhereItRan:
    return WhereItRan()


@pytest.fixture
def sut(use_case: WhereItRan) -> Iterator[ImportExecution]:
    streamed = StreamedImports(use_case.execute, concurrency=1)
    yield ImportExecution(in_batches=use_case.execute, alone=streamed)
    streamed.close()


@pytest.mark.parametrize(
    ("command", "thread"),
    [
        (SMALL, "MainThread"),
        (LARGEST_SMALL, "MainThread"),
        (LARGE, "streamed-import_0"),
        (LOCATED, "streamed-import_0"),
    ],
    ids=["small-inline", "largest-small-inline", "large-inline", "uri"],
)
def test_should_batch_small_inline_text_from_the_caller_and_stream_the_rest_alone(
    sut: ImportExecution, use_case: WhereItRan, command: ImportData, thread: str
) -> None:
    sut.run(command)

    assert use_case.threads == [thread]
