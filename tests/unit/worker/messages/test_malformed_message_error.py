from worker.messages.malformed_message_error import MalformedMessageError


def test_should_carry_the_reason_beside_the_detail() -> None:
    sut = MalformedMessageError("invalid_body", "dataset: required")

    assert (sut.reason, str(sut)) == ("invalid_body", "dataset: required")
