from application.ports.import_progress import ImportProgress


class NullImportProgress(ImportProgress):
    def report(self, rows_read: int) -> None:
        return None

    def finish(self, rows_read: int) -> None:
        return None
