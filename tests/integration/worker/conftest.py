from opentelemetry.trace import NoOpTracer
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.messaging.pubsub_message_publisher import PubSubMessagePublisher
from adapters.messaging.pubsub_topology import PubSubTopology
from tests.integration.adapters.messaging.subscription_reader import SubscriptionReader
from tests.unit.shared.settings_environment import clear_settings_environment
from tests.unit.worker.cli.cli_runner import CliRunner, preserved_logging
from tests.support.policies import quick_policy


@pytest.fixture(autouse=True)
def worker_environment(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    pubsub_emulator_host: str,
    pubsub_project_id: str,
) -> None:
    clear_settings_environment(monkeypatch)
    monkeypatch.setenv("PUBSUB_EMULATOR_HOST", pubsub_emulator_host)
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", pubsub_project_id)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/store.db")


@pytest.fixture(autouse=True)
def restored_logging() -> Iterator[None]:
    with preserved_logging():
        yield


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> CliRunner:
    return CliRunner(capsys)


@pytest.fixture
def applied_topology(pubsub_project_id: str) -> str:
    topology = PubSubTopology(
        policy=quick_policy(), project_id=pubsub_project_id, timeout_seconds=5.0
    )
    try:
        topology.apply()
    finally:
        topology.close()
    return pubsub_project_id


@pytest.fixture
def subscription_reader(pubsub_project_id: str) -> Iterator[SubscriptionReader]:
    reader = SubscriptionReader(pubsub_project_id)
    yield reader
    reader.close()


@pytest.fixture
def message_publisher(applied_topology: str) -> Iterator[PubSubMessagePublisher]:
    publisher = PubSubMessagePublisher(
        policy=quick_policy(), tracer=NoOpTracer(), project_id=applied_topology, timeout_seconds=5.0
    )
    yield publisher
    publisher.close()


@pytest.fixture
def customers_csv(tmp_path: Path) -> Path:
    path = tmp_path / "customers.csv"
    path.write_text("id,name\n1,Ada\n2,Bob\n", encoding="utf-8")
    return path
