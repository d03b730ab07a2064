from http import HTTPStatus
from typing import Any

from application.use_cases.check_health import HealthReport
from domain.health.health_status import HealthStatus
from worker.health.health_response import HealthResponse

DRAINING = {"status": HealthStatus.DOWN.value, "draining": True, "checks": {}}


def readiness_response(report: HealthReport) -> HealthResponse:
    status = HTTPStatus.SERVICE_UNAVAILABLE if report.status is HealthStatus.DOWN else HTTPStatus.OK
    return HealthResponse.json(status, readiness_document(report))


def draining_response() -> HealthResponse:
    return HealthResponse.json(HTTPStatus.SERVICE_UNAVAILABLE, DRAINING)


def readiness_document(report: HealthReport) -> dict[str, Any]:
    checks = {
        name: {"status": result.status.value, "latency_ms": round(result.latency_ms, 3)}
        for name, result in report.checks.items()
    }
    return {"status": report.status.value, "checks": checks}
