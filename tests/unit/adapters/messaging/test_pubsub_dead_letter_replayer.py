from collections.abc import Iterator, Sequence

import pytest

from adapters.messaging.pubsub_dead_letter_replayer import PubSubDeadLetterReplayer
from adapters.system.system_clock import SystemClock
from application.ports.message_publisher import MessagePublisher
from application.ports.outbound_message import OutboundMessage
from tests.unit.adapters.messaging.slow_pull_server import slow_pull_server
from tests.support.policies import quick_policy


class DiscardingPublisher(MessagePublisher):
    def publish(self, messages: Sequence[OutboundMessage]) -> None:
        return None


@pytest.fixture
def sut(monkeypatch: pytest.MonkeyPatch) -> Iterator[PubSubDeadLetterReplayer]:
    with slow_pull_server() as host:
        monkeypatch.setenv("PUBSUB_EMULATOR_HOST", host)
        replayer = PubSubDeadLetterReplayer(
            policy=quick_policy(),
            project_id="unit",
            publisher=DiscardingPublisher(),
            clock=SystemClock(),
            pull_timeout_seconds=0.2,
        )
        yield replayer
        replayer.close()


def test_should_end_the_replay_when_the_pull_outlasts_its_deadline(
    sut: PubSubDeadLetterReplayer,
) -> None:
    replayed = sut.replay()

    assert replayed == 0
