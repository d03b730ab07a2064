import time

from tests.e2e.worker_process import WorkerProcess

REDIS_CIRCUIT = 'import_worker_circuit_state{dependency="redis"}'
CACHE_HITS = 'import_worker_cache_requests_total{result="hit"}'
OPEN = 2.0
CLOSED = 0.0
READINESS_KEPT_SECONDS = 2.5


def redis_circuit_is(worker: WorkerProcess, state: float) -> bool:
    """Asks /readyz first: its cache check is the call that tries Redis again."""
    worker.health.request("/readyz")
    return worker.health.metric(REDIS_CIRCUIT) == state


def wait_for_redis_circuit(worker: WorkerProcess, state: float, timeout_seconds: float) -> None:
    """Then waits out the sidecar's 2 s memory of each check, so that /readyz answers from a
    check made in that state."""
    worker.wait_until(lambda: redis_circuit_is(worker, state), timeout_seconds=timeout_seconds)
    time.sleep(READINESS_KEPT_SECONDS)
