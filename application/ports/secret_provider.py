import abc


class SecretProvider(abc.ABC):
    """The value of a secret setting by its variable name (`DATABASE_URL`), None when unset.
    Raises DependencyUnavailableError when the store holding it cannot answer."""

    @abc.abstractmethod
    def secret(self, name: str) -> str | None: ...
