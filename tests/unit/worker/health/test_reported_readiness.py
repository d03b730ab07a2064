from dataclasses import dataclass, field

import pytest

from application.use_cases.check_health import HealthReport
from domain.health.health_status import HealthStatus
from worker.health.reported_readiness import ReportedReadiness


@dataclass
class RecordingGauge:
    reported: list[bool] = field(default_factory=list)

    def readiness(self, ready: bool) -> None:
        self.reported.append(ready)


@pytest.mark.parametrize(
    ("status", "ready"),
    [(HealthStatus.UP, True), (HealthStatus.DEGRADED, True), (HealthStatus.DOWN, False)],
    ids=["up", "degraded", "down"],
)
def test_should_report_whether_readyz_answers_200(status: HealthStatus, ready: bool) -> None:
    gauge = RecordingGauge()
    sut = ReportedReadiness(check=lambda: HealthReport(status=status, checks={}), gauge=gauge)

    sut()

    assert gauge.reported == [ready]


def test_should_answer_with_the_report_it_checked() -> None:
    report = HealthReport(status=HealthStatus.UP, checks={})
    sut = ReportedReadiness(check=lambda: report, gauge=RecordingGauge())

    answered = sut()

    assert answered is report
