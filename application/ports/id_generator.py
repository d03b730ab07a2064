import abc


class IdGenerator(abc.ABC):
    @abc.abstractmethod
    def new_id(self) -> str:
        """A new globally unique identifier (a UUID4 string)."""
