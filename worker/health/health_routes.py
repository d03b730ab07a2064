import logging
from collections.abc import Callable
from http import HTTPStatus

from application.use_cases.check_health import HealthReport
from worker.health.health_response import HealthResponse
from worker.health.readiness_document import draining_response, readiness_response

ALLOWED_METHODS = ("GET", "HEAD")
ALLOW_HEADER = ", ".join(ALLOWED_METHODS)

logger = logging.getLogger(__name__)


class HealthRoutes:
    def __init__(
        self,
        *,
        liveness: Callable[[], bool],
        readiness: Callable[[], HealthReport],
        draining: Callable[[], bool],
        metrics: Callable[[], tuple[bytes, str]],
    ) -> None:
        self._liveness = liveness
        self._readiness = readiness
        self._draining = draining
        self._metrics = metrics
        self._routes: dict[str, Callable[[], HealthResponse]] = {
            "/livez": self._livez,
            "/readyz": self._readyz,
            "/metrics": self._metrics_text,
        }

    def respond(self, method: str, path: str) -> HealthResponse:
        route = self._routes.get(path)
        if route is None:
            return HealthResponse.json(HTTPStatus.NOT_FOUND, {"error": "not found"})
        if method not in ALLOWED_METHODS:
            return HealthResponse.json(
                HTTPStatus.METHOD_NOT_ALLOWED, {"error": "method not allowed"}, Allow=ALLOW_HEADER
            )
        return self._answer(route)

    @staticmethod
    def _answer(route: Callable[[], HealthResponse]) -> HealthResponse:
        try:
            return route()
        except Exception:
            logger.exception("health.route_failed")
            return HealthResponse.json(
                HTTPStatus.INTERNAL_SERVER_ERROR, {"error": "internal error"}
            )

    def _livez(self) -> HealthResponse:
        if self._liveness():
            return HealthResponse.json(HTTPStatus.OK, {"status": "up"})
        return HealthResponse.json(HTTPStatus.SERVICE_UNAVAILABLE, {"status": "down"})

    def _readyz(self) -> HealthResponse:
        if self._draining():
            return draining_response()
        return readiness_response(self._readiness())

    def _metrics_text(self) -> HealthResponse:
        body, content_type = self._metrics()
        return HealthResponse(status=HTTPStatus.OK, body=body, content_type=content_type)
