import pytest
from google.api_core.exceptions import InvalidArgument, ServiceUnavailable

from adapters.messaging.pubsub_call_policy import pubsub_outage
from adapters.messaging.pubsub_message_publisher import refused_messages
from application.errors import DependencyUnavailableError, MessageRefusedError


def test_should_call_a_message_pub_sub_refuses_refused_for_good() -> None:
    with pytest.raises(MessageRefusedError, match="Request payload size exceeds"):
        with pubsub_outage("publish"), refused_messages():
            raise InvalidArgument("Request payload size exceeds the limit: 10485760 bytes.")


def test_should_call_any_other_failure_of_pub_sub_an_outage() -> None:
    with pytest.raises(DependencyUnavailableError, match="Pub/Sub could not publish"):
        with pubsub_outage("publish"), refused_messages():
            raise ServiceUnavailable("the service is unavailable")
