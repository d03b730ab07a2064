from collections.abc import Mapping
from pathlib import Path

from application.ports.secret_provider import SecretProvider
from shared.configuration_error import ConfigurationError


class FileSecretProvider(SecretProvider):
    """`<NAME>_FILE` (Kubernetes and Docker secrets): the text of the file it names, without its
    trailing line breaks; a secret given no file comes from the next provider."""

    def __init__(self, paths: Mapping[str, Path | None], *, fallback: SecretProvider) -> None:
        self._paths = dict(paths)
        self._fallback = fallback

    def secret(self, name: str) -> str | None:
        path = self._paths.get(name)
        if path is None:
            return self._fallback.secret(name)
        return _read(f"{name}_FILE", path).rstrip("\r\n")


def _read(variable: str, path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ConfigurationError(f"{variable}: {path} is not UTF-8 text") from error
    except OSError as error:
        raise ConfigurationError(f"{variable}: cannot read {path}: {error.strerror}") from error
