import uuid

from adapters.system.uuid_id_generator import UuidIdGenerator


def test_should_issue_a_uuid4_string() -> None:
    sut = UuidIdGenerator()

    identifier = sut.new_id()

    assert str(uuid.UUID(identifier, version=4)) == identifier


def test_should_issue_a_different_id_each_call() -> None:
    sut = UuidIdGenerator()

    first = sut.new_id()

    assert sut.new_id() != first
