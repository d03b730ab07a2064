from application.ports.record_source import SourceDescriptor
from application.use_cases.import_data import ImportData, ImportDataUseCase
from domain.lifecycle.import_answer import ImportAnswer
from worker.consumer.streamed_imports import StreamedImports

BATCHED_INLINE_CHARS = 32 * 1024


class ImportExecution:
    """Chooses how a request runs: small inline text joins a batch from the caller's thread;
    anything larger, or read from a uri, streams alone on one of a few threads."""

    def __init__(self, *, batched: ImportDataUseCase, streamed: StreamedImports) -> None:
        self._batched = batched
        self._streamed = streamed

    def run(self, command: ImportData) -> ImportAnswer:
        if _is_small(command.source):
            return self._batched.execute(command)
        return self._streamed.run(command)


def _is_small(source: SourceDescriptor) -> bool:
    return source.inline is not None and len(source.inline) <= BATCHED_INLINE_CHARS
