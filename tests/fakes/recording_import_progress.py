from application.ports.import_progress import ImportProgress


class RecordingImportProgress(ImportProgress):
    def __init__(self) -> None:
        self.reports: list[int] = []
        self.finishes = 0

    def report(self, rows_read: int) -> None:
        self.reports.append(rows_read)

    def finish(self) -> None:
        self.finishes += 1
