import abc


class ImportProgress(abc.ABC):
    @abc.abstractmethod
    def report(self, rows_read: int) -> None: ...

    @abc.abstractmethod
    def finish(self) -> None: ...
