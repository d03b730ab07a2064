import dataclasses

import pytest

from application.ports.outbound_message import OutboundMessage


def test_should_carry_no_attributes_unless_given() -> None:
    sut = OutboundMessage(topic="import-results", data=b"{}")

    attributes = sut.attributes

    assert attributes == {}


def test_should_not_change_once_built() -> None:
    sut = OutboundMessage(topic="import-results", data=b"{}")

    with pytest.raises(dataclasses.FrozenInstanceError):
        sut.topic = "audit-events"  # type: ignore[misc]
