from collections.abc import Mapping

from application.ports.secret_provider import SecretProvider


class EnvironmentSecretProvider(SecretProvider):
    """The values as the environment gave them."""

    def __init__(self, values: Mapping[str, str | None]) -> None:
        self._values = dict(values)

    def secret(self, name: str) -> str | None:
        return self._values.get(name)
