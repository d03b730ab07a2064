import abc


class ImportProgress(abc.ABC):
    """Hears how far an import has read: at every checkpoint, where it may stop the import by
    raising ImportCancelledError, and once when the import ends, however it ends."""

    @abc.abstractmethod
    def report(self, rows_read: int) -> None: ...

    @abc.abstractmethod
    def finish(self, rows_read: int) -> None: ...
