import contextvars
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from application.ports.record_source import SourceDescriptor
from application.use_cases.import_data import ImportData
from domain.events.import_completed import ImportCompleted
from domain.lifecycle.import_answer import ImportAnswer
from domain.model.import_schema import ImportSchema
from worker.consumer.streamed_imports import StreamedImports

CALLER = contextvars.ContextVar("caller", default="none")
FINISHED_AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
COMMAND = ImportData(
    request_id="msg-1",
    import_id="imp-1",
    dataset="people",
    source=SourceDescriptor(uri="file:///data/people.csv"),
    schema=ImportSchema(columns={}, key_columns=()),
    correlation_id="corr-1",
)


class RecordingImport:
    def __init__(self) -> None:
        self.threads: list[str] = []
        self.callers: list[str] = []

    def __call__(self, command: ImportData) -> ImportAnswer:
        self.threads.append(threading.current_thread().name)
        self.callers.append(CALLER.get())
        return ImportAnswer(
            result=ImportCompleted(
                event_id="evt-1",
                import_id=command.import_id,
                dataset=command.dataset,
                correlation_id=command.correlation_id,
                started_at=FINISHED_AT,
                finished_at=FINISHED_AT,
            )
        )


def run_as_handler(sut: StreamedImports) -> None:
    CALLER.set("handler")
    sut.run(COMMAND)


@pytest.fixture
def recording() -> RecordingImport:
    return RecordingImport()


@pytest.fixture
def sut(recording: RecordingImport) -> Iterator[StreamedImports]:
    streamed = StreamedImports(recording, concurrency=2)
    yield streamed
    streamed.close()


def test_should_return_the_result_of_the_import(sut: StreamedImports) -> None:
    answer = sut.run(COMMAND)

    assert answer.result.import_id == COMMAND.import_id


def test_should_run_the_import_on_a_thread_of_its_own(
    sut: StreamedImports, recording: RecordingImport
) -> None:
    sut.run(COMMAND)

    assert recording.threads[0].startswith("streamed-import")


def test_should_run_the_import_in_the_context_of_its_caller(
    sut: StreamedImports, recording: RecordingImport
) -> None:
    contextvars.copy_context().run(run_as_handler, sut)

    assert recording.callers == ["handler"]


def test_should_take_no_more_imports_once_closed(recording: RecordingImport) -> None:
    sut = StreamedImports(recording, concurrency=1)

    sut.close()

    with pytest.raises(RuntimeError):
        sut.run(COMMAND)
