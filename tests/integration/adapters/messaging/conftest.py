from opentelemetry.trace import NoOpTracer
from collections.abc import Iterator

import pytest

from adapters.messaging.pubsub_message_publisher import PubSubMessagePublisher
from adapters.messaging.pubsub_topology import PubSubTopology
from tests.integration.adapters.messaging.subscription_reader import SubscriptionReader
from tools.pubsub_emulator import free_port
from tests.support.policies import quick_policy


@pytest.fixture
def topology_project_id(pubsub_project_id: str) -> str:
    topology = PubSubTopology(policy=quick_policy(), project_id=pubsub_project_id)
    topology.apply()
    topology.close()
    return pubsub_project_id


@pytest.fixture
def message_publisher(topology_project_id: str) -> Iterator[PubSubMessagePublisher]:
    publisher = PubSubMessagePublisher(
        policy=quick_policy(),
        tracer=NoOpTracer(),
        project_id=topology_project_id,
        timeout_seconds=5.0,
    )
    yield publisher
    publisher.close()


@pytest.fixture
def subscription_reader(pubsub_project_id: str) -> Iterator[SubscriptionReader]:
    reader = SubscriptionReader(pubsub_project_id)
    yield reader
    reader.close()


@pytest.fixture
def closed_port_host(monkeypatch: pytest.MonkeyPatch) -> str:
    host = f"127.0.0.1:{free_port()}"
    monkeypatch.setenv("PUBSUB_EMULATOR_HOST", host)
    return host
