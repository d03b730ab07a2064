import abc
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, kw_only=True)
class DatabaseLogin:
    user: str
    password: str = field(repr=False)
    lease: str


class DatabaseCredentials(abc.ABC):
    """Database logins that expire: each new connection logs in with the current one and holds
    it until it closes; a connection whose login is no longer current is replaced between
    transactions, never inside one."""

    @abc.abstractmethod
    def acquire(self) -> DatabaseLogin:
        """The current login, held until released; DependencyUnavailableError if there is none."""

    @abc.abstractmethod
    def is_current(self, login: DatabaseLogin) -> bool: ...

    @abc.abstractmethod
    def release(self, login: DatabaseLogin) -> None: ...
