from shared.configuration_error import ConfigurationError


def test_should_carry_the_message_naming_the_variable() -> None:
    sut = ConfigurationError("GOOGLE_CLOUD_PROJECT must be set")

    assert str(sut) == "GOOGLE_CLOUD_PROJECT must be set"
