import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from adapters.messaging.pubsub_topology import PubSubTopology
from tests.e2e.event_inbox import EventInbox
from tests.e2e.large_csv import LargeCsv, write_large_csv
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_launcher import WorkerLauncher
from tests.e2e.worker_process import WorkerProcess
from tests.support.policies import quick_policy

LARGE_CSV_ROWS = 600_000
LARGE_CSV_REJECT_EVERY = 50_000


@pytest.fixture(scope="session")
def allowed_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("allowed-root").resolve()


@pytest.fixture(scope="session")
def large_csv(allowed_root: Path) -> LargeCsv:
    return write_large_csv(
        allowed_root / "large.csv", rows=LARGE_CSV_ROWS, reject_every=LARGE_CSV_REJECT_EVERY
    )


@pytest.fixture(scope="module")
def e2e_project(pubsub_emulator_host: str) -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def e2e_schema() -> Iterator[PostgresSchema]:
    schema = PostgresSchema.create()
    yield schema
    schema.drop()


@pytest.fixture(scope="module")
def topology(e2e_project: str) -> str:
    applied = PubSubTopology(policy=quick_policy(), project_id=e2e_project)
    applied.apply()
    applied.close()
    return e2e_project


@pytest.fixture(scope="module")
def event_inbox(topology: str) -> Iterator[EventInbox]:
    inbox = EventInbox(topology)
    yield inbox
    inbox.close()


@pytest.fixture(scope="module")
def request_publisher(topology: str) -> Iterator[RequestPublisher]:
    publisher = RequestPublisher(topology)
    yield publisher
    publisher.close()


@pytest.fixture(scope="module")
def worker_overrides() -> Mapping[str, str]:
    return {}


@pytest.fixture(scope="module")
def worker_launcher(
    topology: str,
    pubsub_emulator_host: str,
    e2e_schema: PostgresSchema,
    allowed_root: Path,
    worker_overrides: Mapping[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[WorkerLauncher]:
    launcher = WorkerLauncher(
        project_id=topology,
        emulator_host=pubsub_emulator_host,
        database_url=e2e_schema.database_url,
        allowed_root=allowed_root,
        overrides=worker_overrides,
        log_directory=tmp_path_factory.mktemp("worker-logs"),
    )
    yield launcher
    launcher.stop_all()


@pytest.fixture(scope="module")
def running_worker(worker_launcher: WorkerLauncher, event_inbox: EventInbox) -> WorkerProcess:
    return worker_launcher.start_ready("worker")
