from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

OUTCOMES = ("completed", "failed", "rejected", "repeated", "dead_lettered", "retried")
CACHE_RESULTS = ("hit", "miss", "error")
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
DURATION_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0)


class PrometheusWorkerMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self._messages = Counter(
            "import_worker_messages",
            "Import request messages handled, by outcome",
            ["outcome"],
            registry=self.registry,
        )
        self._rows_imported = Counter(
            "import_worker_rows_imported", "Rows stored by imports", registry=self.registry
        )
        self._rows_rejected = Counter(
            "import_worker_rows_rejected", "Rows rejected by validation", registry=self.registry
        )
        self._duration = Histogram(
            "import_worker_import_duration_seconds",
            "Time from receiving a message to its ack decision",
            buckets=DURATION_BUCKETS,
            registry=self.registry,
        )
        self._in_flight = Gauge(
            "import_worker_messages_in_flight", "Messages being handled", registry=self.registry
        )
        self._circuits = Gauge(
            "import_worker_circuit_state",
            "Circuit of each dependency: 0 closed, 1 half-open, 2 open",
            ["dependency"],
            registry=self.registry,
        )
        self._pulling = Gauge(
            "import_worker_pulling",
            "1 while the subscription is pulled, 0 while pulling is paused",
            registry=self.registry,
        )
        self._cache_requests = Counter(
            "import_worker_cache_requests",
            "Cache requests, by result: hit, miss, or error (the cache failed or was bypassed)",
            ["result"],
            registry=self.registry,
        )
        for outcome in OUTCOMES:
            self._messages.labels(outcome=outcome)
        for result in CACHE_RESULTS:
            self._cache_requests.labels(result=result)
        for dependency in DEPENDENCIES:
            self._circuits.labels(dependency=dependency).set(0)
        self._pulling.set(1)

    def message_started(self) -> None:
        self._in_flight.inc()

    def message_finished(
        self,
        outcome: str,
        *,
        duration_seconds: float,
        rows_imported: int = 0,
        rows_rejected: int = 0,
    ) -> None:
        self._in_flight.dec()
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown message outcome {outcome!r}: expected one of {OUTCOMES}")
        self._messages.labels(outcome=outcome).inc()
        self._duration.observe(duration_seconds)
        self._rows_imported.inc(rows_imported)
        self._rows_rejected.inc(rows_rejected)

    def circuit_state(self, dependency: str, state: int) -> None:
        self._circuits.labels(dependency=dependency).set(state)

    def pulling(self, active: bool) -> None:
        self._pulling.set(1 if active else 0)

    def cache_request(self, result: str) -> None:
        if result not in CACHE_RESULTS:
            raise ValueError(f"unknown cache result {result!r}: expected one of {CACHE_RESULTS}")
        self._cache_requests.labels(result=result).inc()

    def exposition(self) -> tuple[bytes, str]:
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
