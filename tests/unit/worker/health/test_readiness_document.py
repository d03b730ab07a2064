from application.ports.health_probe import ProbeResult
from application.use_cases.check_health import HealthReport
from domain.health.health_status import HealthStatus
from worker.health.readiness_document import readiness_document


def test_should_round_latencies_to_microseconds() -> None:
    report = HealthReport(
        status=HealthStatus.UP,
        checks={"repository": ProbeResult(status=HealthStatus.UP, latency_ms=1.234567)},
    )

    document = readiness_document(report)

    assert document["checks"]["repository"]["latency_ms"] == 1.235


def test_should_list_no_checks_when_no_probe_is_configured() -> None:
    report = HealthReport(status=HealthStatus.UP, checks={})

    document = readiness_document(report)

    assert document == {"status": "up", "checks": {}}
