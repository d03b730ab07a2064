import functools
import logging
import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer

from application.use_cases.check_health import HealthReport
from worker.health.health_request_handler import HealthRequestHandler
from worker.health.health_routes import HealthRoutes

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
    ) -> None:
        self._address = (host, port)
        self._routes = HealthRoutes(
            liveness=liveness, readiness=readiness, draining=draining, metrics=metrics
        )
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the health server is not started")
        return int(self._server.server_address[1])

    def start(self) -> None:
        handler = functools.partial(HealthRequestHandler, routes=self._routes)
        self._server = ThreadingHTTPServer(self._address, handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="health-server", daemon=True
        )
        self._thread.start()
        logger.info("health.server_started", extra={"port": self.port})

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        self._server = None
        self._thread = None
