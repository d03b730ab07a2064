from typing import TextIO

from tqdm import tqdm

from application.ports.import_progress import ImportProgress


class TqdmImportProgress(ImportProgress):
    def __init__(self, *, stream: TextIO, description: str) -> None:
        self._bar = tqdm(file=stream, desc=description, unit=" rows", unit_scale=True)

    def report(self, rows_read: int) -> None:
        self._bar.update(rows_read - self._bar.n)

    def finish(self, rows_read: int) -> None:
        self.report(rows_read)
        self._bar.close()
