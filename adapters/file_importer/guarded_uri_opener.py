from contextlib import AbstractContextManager
from functools import partial
from typing import BinaryIO

from adapters.file_importer.uri_opener import UriOpener
from shared.resilience.dependency_policy import DependencyPolicy


class GuardedUriOpener(UriOpener):
    """Opens a source under its kind's policy: opening (connecting, the first answer) is retried
    on an outage and counted by the breaker; an open breaker refuses at once."""

    def __init__(self, inner: UriOpener, policy: DependencyPolicy) -> None:
        self._inner = inner
        self._policy = policy

    def open(self, uri: str) -> AbstractContextManager[BinaryIO]:
        return self._policy.call(partial(self._inner.open, uri))
