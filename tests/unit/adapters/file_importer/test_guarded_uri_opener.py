import io
from contextlib import AbstractContextManager, suppress
from typing import BinaryIO

import pytest

from adapters.file_importer.guarded_uri_opener import GuardedUriOpener
from adapters.file_importer.uri_opener import UriOpener
from application.errors import DependencyUnavailableError, SourceNotFoundError
from shared.resilience.circuit_state import CircuitState
from shared.resilience.policy_settings import PolicySettings
from tests.support.policies import quick_policy

PATIENT = PolicySettings(attempts=3, first_backoff_seconds=0.0, max_backoff_seconds=0.0)
TRIPPING = PolicySettings(attempts=1, failure_threshold=1, reset_seconds=60.0)


class FlakyOpener(UriOpener):
    def __init__(self, *failures: Exception) -> None:
        self._failures = list(failures)
        self.opened: list[str] = []

    def open(self, uri: str) -> AbstractContextManager[BinaryIO]:
        self.opened.append(uri)
        if self._failures:
            raise self._failures.pop(0)
        return io.BytesIO(b"id\n1\n")


def test_should_open_the_source_through_the_inner_opener() -> None:
    sut = GuardedUriOpener(FlakyOpener(), quick_policy())

    with sut.open("https://example.org/a.csv") as body:
        content = body.read()

    assert content == b"id\n1\n"


def test_should_retry_opening_a_source_whose_store_did_not_answer() -> None:
    inner = FlakyOpener(DependencyUnavailableError("timeout"))
    sut = GuardedUriOpener(inner, quick_policy(settings=PATIENT))

    sut.open("https://example.org/a.csv")

    assert len(inner.opened) == 2


def test_should_not_retry_a_source_that_is_not_found() -> None:
    inner = FlakyOpener(SourceNotFoundError("404"))
    sut = GuardedUriOpener(inner, quick_policy(settings=PATIENT))

    with suppress(SourceNotFoundError):
        sut.open("https://example.org/a.csv")

    assert len(inner.opened) == 1


def test_should_open_the_circuit_of_its_kind_when_its_store_keeps_failing() -> None:
    policy = quick_policy("source_https", TRIPPING)
    sut = GuardedUriOpener(FlakyOpener(DependencyUnavailableError("timeout")), policy)

    with suppress(DependencyUnavailableError):
        sut.open("https://example.org/a.csv")

    assert policy.state is CircuitState.OPEN


def test_should_refuse_at_once_while_the_circuit_of_its_kind_is_open() -> None:
    policy = quick_policy("source_https", TRIPPING)
    inner = FlakyOpener(DependencyUnavailableError("timeout"))
    sut = GuardedUriOpener(inner, policy)
    with suppress(DependencyUnavailableError):
        sut.open("https://example.org/a.csv")

    with pytest.raises(DependencyUnavailableError, match="circuit is open"):
        sut.open("https://example.org/b.csv")
