import contextvars
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from application.use_cases.import_data import ImportData
from domain.lifecycle.import_answer import ImportAnswer


class StreamedImports:
    """Runs streamed imports on a few threads of their own, so that only those few hold database
    connections; each runs in its caller's context (logs, trace) while the caller waits."""

    def __init__(
        self, run_import: Callable[[ImportData], ImportAnswer], *, concurrency: int
    ) -> None:
        self._run_import = run_import
        self._executor = ThreadPoolExecutor(concurrency, thread_name_prefix="streamed-import")

    def run(self, command: ImportData) -> ImportAnswer:
        context = contextvars.copy_context()
        return self._executor.submit(context.run, self._run_import, command).result()

    def close(self) -> None:
        self._executor.shutdown(wait=True)
