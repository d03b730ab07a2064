import pytest

from application.events.message_attributes import (
    MAX_ATTRIBUTE_BYTES,
    bounded_attribute,
    bounded_attributes,
)


@pytest.mark.parametrize(
    ("value", "expected_bytes"),
    [("x" * 100, 100), ("x" * 5000, MAX_ATTRIBUTE_BYTES), ("\u00e9" * 1000, 1024)],
    ids=["short", "long-ascii", "long-two-byte-characters"],
)
def test_should_keep_a_value_within_the_attribute_limit(value: str, expected_bytes: int) -> None:
    sut = bounded_attribute

    bounded = sut(value)

    assert len(bounded.encode()) == expected_bytes


def test_should_cut_on_a_character_boundary() -> None:
    sut = bounded_attribute

    bounded = sut("a" + "\u20ac" * 1000)

    assert bounded == "a" + "\u20ac" * 341


def test_should_bound_every_value_of_a_set_of_attributes() -> None:
    sut = bounded_attributes

    bounded = sut({"correlation_id": "c" * 2000, "event_type": "ImportCompleted"})

    assert bounded == {"correlation_id": "c" * 1024, "event_type": "ImportCompleted"}
