import uuid

import pytest

from adapters.system.uuid_id_generator import UuidIdGenerator


def test_should_issue_a_uuid4_string() -> None:
    sut = UuidIdGenerator()

    identifier = sut.new_id()

    assert str(uuid.UUID(identifier, version=4)) == identifier


def test_should_issue_a_different_id_each_call() -> None:
    sut = UuidIdGenerator()

    first = sut.new_id()

    assert sut.new_id() != first


def test_should_derive_the_same_id_from_the_same_parts() -> None:
    sut = UuidIdGenerator()

    first = sut.derive("request-1", "ImportCompleted")

    assert UuidIdGenerator().derive("request-1", "ImportCompleted") == first


@pytest.mark.parametrize(
    ("parts", "other_parts"),
    [
        (("request-1", "ImportCompleted"), ("request-2", "ImportCompleted")),
        (("request-1", "ImportCompleted"), ("request-1", "ImportFailed")),
        (("ab", "c"), ("a", "bc")),
    ],
    ids=["other-request", "other-event-type", "same-text-split-differently"],
)
def test_should_derive_different_ids_from_different_parts(
    parts: tuple[str, ...], other_parts: tuple[str, ...]
) -> None:
    sut = UuidIdGenerator()

    derived = sut.derive(*parts)

    assert derived != sut.derive(*other_parts)


def test_should_derive_a_uuid5_string() -> None:
    sut = UuidIdGenerator()

    derived = sut.derive("request-1", "ImportCompleted")

    assert str(uuid.UUID(derived, version=5)) == derived
