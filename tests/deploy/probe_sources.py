import functools
import re
from collections.abc import Callable
from http import HTTPStatus

from application.use_cases.check_health import HealthReport
from domain.health.health_status import HealthStatus
from tests.deploy.deploy_files import (
    OVERLAYS,
    healthcheck_command,
    manifest,
    prometheus_job,
    worker_container,
)
from worker.health.health_response import HealthResponse
from worker.health.health_routes import HealthRoutes

METRICS_BODY = b"import_worker_probe 1\n"
HEALTHCHECK_URL = re.compile(r"http://127\.0\.0\.1:\{port\}(/[^']*)'")


def _routes(*, live: bool, draining: bool) -> HealthRoutes:
    return HealthRoutes(
        liveness=lambda: live,
        readiness=lambda: HealthReport(status=HealthStatus.UP, checks={}),
        draining=lambda: draining,
        metrics=lambda: (METRICS_BODY, "text/plain"),
    )


def status_when_stuck(path: str) -> HTTPStatus:
    return _routes(live=False, draining=False).respond("GET", path).status


def status_when_draining(path: str) -> HTTPStatus:
    return _routes(live=True, draining=True).respond("GET", path).status


def answer(path: str) -> HealthResponse:
    return _routes(live=True, draining=False).respond("GET", path)


def _healthcheck_path() -> str:
    return str(HEALTHCHECK_URL.findall(healthcheck_command())[0])


def _probe_path(overlay: str, probe: str) -> str:
    return str(worker_container(overlay)[probe]["httpGet"]["path"])


def _servicemonitor_path(overlay: str) -> str:
    return str(manifest(overlay, "ServiceMonitor")["spec"]["endpoints"][0]["path"])


def _prometheus_metrics_path() -> str:
    return str(prometheus_job("import-worker")["metrics_path"])


LIVENESS_PATHS: dict[str, Callable[[], str]] = {
    "dockerfile-healthcheck": _healthcheck_path,
    **{
        f"k8s-{overlay}-{probe}": functools.partial(_probe_path, overlay, probe)
        for overlay in OVERLAYS
        for probe in ("livenessProbe", "startupProbe")
    },
}
READINESS_PATHS: dict[str, Callable[[], str]] = {
    f"k8s-{overlay}": functools.partial(_probe_path, overlay, "readinessProbe")
    for overlay in OVERLAYS
}
METRICS_PATHS: dict[str, Callable[[], str]] = {
    **{f"k8s-{overlay}": functools.partial(_servicemonitor_path, overlay) for overlay in OVERLAYS},
    "compose-prometheus": _prometheus_metrics_path,
}
