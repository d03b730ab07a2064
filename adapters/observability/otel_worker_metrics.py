import threading
from collections.abc import Callable, Iterable, Iterator, Mapping

from opentelemetry.metrics import CallbackOptions, Observation

from adapters.observability.otel_metric_pipeline import MetricPipeline

OUTCOMES = ("completed", "failed", "rejected", "repeated", "dead_lettered", "retried")
DEPENDENCIES = (
    "store",
    "pubsub_publish",
    "pubsub_pull",
    "source_https",
    "source_gs",
    "source_file",
    "jwks",
    "redis",
    "vault",
)
CACHE_RESULTS = ("hit", "miss", "error")
DURATION_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0)
CLOSED = 0
COUNTERS = (
    ("import_worker_messages", "Import request messages handled, by outcome", "outcome", None),
    ("import_worker_rows_imported", "Rows stored by imports", "rows", "imported"),
    ("import_worker_rows_rejected", "Rows rejected by validation", "rows", "rejected"),
    ("import_worker_cache_requests", "Cache lookups, by result", "result", None),
)
GAUGES = (
    (
        "import_worker_circuit_state",
        "Circuit breaker per dependency: 0 closed, 1 half-open, 2 open",
        "dependency",
        None,
    ),
    (
        "import_worker_pulling",
        "1 while the subscriber pulls, 0 while it is paused",
        "worker",
        "pulling",
    ),
    (
        "import_worker_ready",
        "1 while /readyz answers 200 (up or degraded), else 0",
        "worker",
        "ready",
    ),
    ("import_worker_outbox_pending", "Outbox messages not yet published", "worker", "pending"),
    (
        "import_worker_outbox_oldest_age_seconds",
        "Age of the oldest outbox message not yet published",
        "worker",
        "oldest_age_seconds",
    ),
)
Observer = Callable[[CallbackOptions], Iterable[Observation]]


class OtelWorkerMetrics:
    """The worker's metrics (contract section 11) through OpenTelemetry. Counts and states are
    kept in plain numbers and observed when the metrics are collected, so that a message costs
    one histogram record and a few additions under a lock."""

    def __init__(self, pipeline: MetricPipeline) -> None:
        self._pipeline = pipeline
        self._lock = threading.Lock()
        self._numbers: dict[str, dict[str, float]] = {
            "outcome": dict.fromkeys(OUTCOMES, 0),
            "rows": {"imported": 0, "rejected": 0},
            "dependency": dict.fromkeys(DEPENDENCIES, CLOSED),
            "result": dict.fromkeys(CACHE_RESULTS, 0),
            "worker": {
                "in_flight": 0,
                "pulling": 1,
                "ready": 1,
                "pending": 0,
                "oldest_age_seconds": 0.0,
            },
        }
        self._duration = pipeline.meter().create_histogram(
            "import_worker_import_duration_seconds",
            unit="s",
            description="Time from receiving a message to its ack decision",
            explicit_bucket_boundaries_advisory=DURATION_BUCKETS,
        )
        self._observe_all()

    def message_started(self) -> None:
        with self._lock:
            self._numbers["worker"]["in_flight"] += 1

    def message_finished(
        self,
        outcome: str,
        *,
        duration_seconds: float,
        rows_imported: int = 0,
        rows_rejected: int = 0,
    ) -> None:
        with self._lock:
            self._numbers["worker"]["in_flight"] -= 1
            if outcome not in OUTCOMES:
                raise ValueError(f"unknown message outcome {outcome!r}: expected one of {OUTCOMES}")
            self._numbers["outcome"][outcome] += 1
            self._numbers["rows"]["imported"] += rows_imported
            self._numbers["rows"]["rejected"] += rows_rejected
        self._duration.record(duration_seconds)

    def circuit_state(self, dependency: str, state: int) -> None:
        with self._lock:
            self._numbers["dependency"][dependency] = state

    def cache_request(self, result: str) -> None:
        with self._lock:
            self._numbers["result"][result] += 1

    def pulling(self, active: bool) -> None:
        with self._lock:
            self._numbers["worker"]["pulling"] = int(active)

    def readiness(self, ready: bool) -> None:
        with self._lock:
            self._numbers["worker"]["ready"] = int(ready)

    def outbox_backlog(self, pending: int, oldest_age_seconds: float) -> None:
        with self._lock:
            self._numbers["worker"]["pending"] = pending
            self._numbers["worker"]["oldest_age_seconds"] = oldest_age_seconds

    def exposition(self) -> tuple[bytes, str]:
        return self._pipeline.exposition()

    def _observe_all(self) -> None:
        meter = self._pipeline.meter()
        for name, description, group, key in COUNTERS:
            meter.create_observable_counter(
                name, callbacks=[self._observer(group, key)], description=description
            )
        for name, description, group, key in GAUGES:
            meter.create_observable_gauge(
                name, callbacks=[self._observer(group, key)], description=description
            )
        meter.create_observable_up_down_counter(
            "import_worker_messages_in_flight",
            callbacks=[self._observer("worker", "in_flight")],
            description="Messages being handled",
        )

    def _observer(self, group: str, key: str | None) -> Observer:
        def observe(_: CallbackOptions) -> Iterator[Observation]:
            with self._lock:
                numbers = dict(self._numbers[group])
            return _observations(numbers, group, key)

        return observe


def _observations(
    numbers: Mapping[str, float], group: str, key: str | None
) -> Iterator[Observation]:
    if key is not None:
        yield Observation(numbers[key])
        return
    for label, value in numbers.items():
        yield Observation(value, {group: label})
