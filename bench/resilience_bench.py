import argparse
import secrets
import subprocess  # nosec B404
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.bench_pubsub import BenchPubSub
from bench.bench_schema import BenchSchema
from bench.emulator_session import emulator_host
from bench.import_request_messages import ImportRequestMessages
from bench.resilience_options import resilience_settings
from bench.result_ledger import ResultLedger
from bench.service_process import BIN, ServiceProcess, child_environment
from adapters.messaging.topology_names import TopologyNames
from shared.configuration import Settings
from tools.pubsub_emulator import free_port

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
NAMES = TopologyNames()
PLAIN_SUBSCRIPTION = "import-requests-bench-plain"
RESULTS_SUBSCRIPTION = "bench-results"
DEAD_LETTER_SUBSCRIPTION = "bench-dead-letters"
PLAIN_SUBSCRIPTION_NOTE = (
    f"the worker pulls from {PLAIN_SUBSCRIPTION}: ack deadline 60 s, no retry or dead-letter"
    " policy, because the Pub/Sub emulator (0.8.20) never redelivers what a cancelled or killed"
    " streaming pull held on a subscription with either policy"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ResilienceBench:
    """What a resilience run works with: a project of its own on the emulator, a schema of its
    own, the request messages, and ledgers of the results and the dead letters."""

    pubsub: BenchPubSub
    schema: BenchSchema
    messages: ImportRequestMessages
    results: ResultLedger
    dead_letters: ResultLedger
    environment: dict[str, str]

    def launch_worker(self, log: Path) -> tuple[ServiceProcess, str]:
        port = str(free_port())
        environment = {**self.environment, "HEALTH_PORT": port}
        worker = ServiceProcess(
            [str(BIN / "import-worker"), "run"], environment=environment, log=log
        )
        worker.start()
        return worker, port

    def publish(self, count: int, phase: str) -> list[str]:
        requests = self.messages.batch(phase, count)
        self.pubsub.publish_all(NAMES.import_requests_topic, requests)
        return [request.import_id for request in requests]


@contextmanager
def resilience_bench(
    arguments: argparse.Namespace, *, database_address: str | None = None
) -> Iterator[ResilienceBench]:
    schema = BenchSchema(arguments.url, "bench_resilience")
    with ExitStack() as cleanup:
        schema.create()
        cleanup.callback(schema.drop)
        host = cleanup.enter_context(emulator_host(Settings().pubsub_emulator_host))
        pubsub = BenchPubSub(host=host, project=f"bench-resilience-{uuid.uuid4().hex[:8]}")
        cleanup.callback(pubsub.close)
        cleanup.callback(remove_project_resources, pubsub)
        secret = secrets.token_hex(32)
        environment = worker_environment(arguments, pubsub, schema.worker_url(database_address))
        yield _prepared(pubsub, schema, {**environment, "AUTH_JWT_SECRET": secret}, cleanup)


def worker_environment(
    arguments: argparse.Namespace, pubsub: BenchPubSub, database_url: str
) -> dict[str, str]:
    return child_environment(
        {
            "PYTHONPATH": str(REPOSITORY_ROOT),
            "GOOGLE_CLOUD_PROJECT": pubsub.project,
            "PUBSUB_EMULATOR_HOST": pubsub.host,
            "DATABASE_URL": database_url,
            "HEALTH_HOST": "127.0.0.1",
            "LOG_LEVEL": "INFO",
            "LOG_FORMAT": "json",
            **resilience_settings(arguments),
        }
    )


def _prepared(
    pubsub: BenchPubSub, schema: BenchSchema, environment: dict[str, str], cleanup: ExitStack
) -> ResilienceBench:
    apply_plain_topology(pubsub, environment)
    results = ResultLedger(
        pubsub.subscriber,
        pubsub.create_subscription(RESULTS_SUBSCRIPTION, NAMES.import_results_topic),
    ).start()
    cleanup.callback(results.stop)
    dead_letters = ResultLedger(
        pubsub.subscriber,
        pubsub.create_subscription(DEAD_LETTER_SUBSCRIPTION, NAMES.dead_letter_topic),
    ).start()
    cleanup.callback(dead_letters.stop)
    return ResilienceBench(
        pubsub=pubsub,
        schema=schema,
        messages=ImportRequestMessages(
            secret=environment["AUTH_JWT_SECRET"], run_id=uuid.uuid4().hex[:8]
        ),
        results=results,
        dead_letters=dead_letters,
        environment={**environment, "IMPORT_REQUESTS_SUBSCRIPTION": PLAIN_SUBSCRIPTION},
    )


def apply_plain_topology(pubsub: BenchPubSub, environment: dict[str, str]) -> None:
    """The contract's topics (import-worker topology apply), then the worker's subscription
    replaced by one without policies (see PLAIN_SUBSCRIPTION_NOTE)."""
    subprocess.run(  # nosec B603
        [str(BIN / "import-worker"), "topology", "apply"],
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    pubsub.delete_subscription(NAMES.import_requests_subscription)
    pubsub.create_subscription(PLAIN_SUBSCRIPTION, NAMES.import_requests_topic)


def remove_project_resources(pubsub: BenchPubSub) -> None:
    project = f"projects/{pubsub.project}"
    for subscription in pubsub.subscriber.list_subscriptions(request={"project": project}):
        pubsub.subscriber.delete_subscription(subscription=subscription.name)
    for topic in pubsub.publisher.list_topics(request={"project": project}):
        pubsub.publisher.delete_topic(topic=topic.name)
