import logging
from collections.abc import Callable

from application.use_cases.check_health import HealthReport
from worker.health.health_loop import HealthLoop
from worker.health.health_routes import HealthRoutes

REQUEST_DEADLINE_SECONDS = 5.0
MAX_CONNECTIONS = 1024
ROUTE_THREADS = 4

logger = logging.getLogger(__name__)


class HealthServer:
    def __init__(
        self,
        host: str,
        port: int,
        *,
        liveness: Callable[[], bool],
        readiness: Callable[[], HealthReport],
        draining: Callable[[], bool],
        metrics: Callable[[], tuple[bytes, str]],
        request_deadline_seconds: float = REQUEST_DEADLINE_SECONDS,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        self._address = (host, port)
        self._routes = HealthRoutes(
            liveness=liveness, readiness=readiness, draining=draining, metrics=metrics
        )
        self._request_deadline_seconds = request_deadline_seconds
        self._max_connections = max_connections
        self._loop: HealthLoop | None = None
        self._port: int | None = None

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the health server is not started")
        return self._port

    def start(self) -> None:
        loop = HealthLoop(
            self._routes,
            request_deadline_seconds=self._request_deadline_seconds,
            max_connections=self._max_connections,
            route_threads=ROUTE_THREADS,
        )
        self._port = loop.listen(*self._address)
        self._loop = loop
        logger.info("health.server_started", extra={"port": self._port})

    def stop(self) -> None:
        if self._loop is None:
            return
        self._loop.close()
        self._loop = None
        self._port = None
