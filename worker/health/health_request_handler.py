import logging
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

from worker.health.health_routes import HealthRoutes

logger = logging.getLogger(__name__)


class HealthRequestHandler(BaseHTTPRequestHandler):
    timeout = 10.0

    def __init__(self, *args: Any, routes: HealthRoutes, **kwargs: Any) -> None:
        self._routes = routes
        super().__init__(*args, **kwargs)

    def _serve(self) -> None:
        response = self._routes.respond(self.command, urlsplit(self.path).path)
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _serve

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("health.request " + format, *args)
