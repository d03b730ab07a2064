from collections.abc import Callable

from application.ports.record_source import SourceDescriptor
from application.use_cases.import_data import ImportData
from domain.lifecycle.import_answer import ImportAnswer
from worker.consumer.streamed_imports import StreamedImports

BATCHED_INLINE_CHARS = 32 * 1024


class ImportExecution:
    """Chooses how a request runs: small inline text joins a batch from the caller's thread;
    anything larger, or read from a uri, streams alone on one of a few threads."""

    def __init__(
        self, *, in_batches: Callable[[ImportData], ImportAnswer], alone: StreamedImports
    ) -> None:
        self._in_batches = in_batches
        self._alone = alone

    def run(self, command: ImportData) -> ImportAnswer:
        if _is_small(command.source):
            return self._in_batches(command)
        return self._alone.run(command)


def _is_small(source: SourceDescriptor) -> bool:
    return source.inline is not None and len(source.inline) <= BATCHED_INLINE_CHARS
