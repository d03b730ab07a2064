import abc


class IdGenerator(abc.ABC):
    @abc.abstractmethod
    def new_id(self) -> str:
        """A new globally unique identifier (a UUID4 string)."""

    @abc.abstractmethod
    def derive(self, *parts: str) -> str:
        """The same UUID string for the same parts, every time (a UUID5)."""
