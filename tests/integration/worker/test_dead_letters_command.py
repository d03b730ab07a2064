import pytest

from adapters.messaging.pubsub_message_publisher import PubSubMessagePublisher
from application.ports.outbound_message import OutboundMessage
from tests.integration.adapters.messaging.subscription_reader import SubscriptionReader
from tests.unit.worker.cli.cli_runner import CliRunner

pytestmark = pytest.mark.integration

DEAD_LETTERED = OutboundMessage(
    topic="import-requests-dead-letter",
    data=b"{not json",
    attributes={
        "correlation_id": "corr-1",
        "dead_letter_reason": "invalid_json",
        "dead_letter_error": "Invalid JSON",
    },
)


@pytest.fixture
def dead_lettered(message_publisher: PubSubMessagePublisher) -> OutboundMessage:
    message_publisher.publish([DEAD_LETTERED, DEAD_LETTERED])
    return DEAD_LETTERED


def test_should_exit_zero_once_it_replayed(cli: CliRunner, dead_lettered: OutboundMessage) -> None:
    run = cli("dead-letters", "replay", "--limit", "2")

    assert run.exit_code == 0


def test_should_print_how_many_messages_it_replayed(
    cli: CliRunner, dead_lettered: OutboundMessage
) -> None:
    run = cli("dead-letters", "replay", "--limit", "2")

    assert run.document() == {"replayed": 2}


def test_should_replay_no_more_than_the_limit(
    cli: CliRunner, dead_lettered: OutboundMessage
) -> None:
    run = cli("dead-letters", "replay", "--limit", "1")

    assert run.document() == {"replayed": 1}


def test_should_move_the_message_back_without_its_dead_letter_attributes(
    cli: CliRunner, dead_lettered: OutboundMessage, subscription_reader: SubscriptionReader
) -> None:
    cli("dead-letters", "replay", "--limit", "1")

    received = subscription_reader.read("import-requests-worker")
    assert [(item.data, dict(item.attributes)) for item in received] == [
        (b"{not json", {"correlation_id": "corr-1"})
    ]
