from worker.messages.malformed_message_error import MalformedMessageError


def test_should_carry_the_reason() -> None:
    sut = MalformedMessageError("invalid_body", "dataset: required")

    assert sut.reason == "invalid_body"


def test_should_carry_the_detail_as_its_message() -> None:
    sut = MalformedMessageError("invalid_body", "dataset: required")

    assert str(sut) == "dataset: required"
