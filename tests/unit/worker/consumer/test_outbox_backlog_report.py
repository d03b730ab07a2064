import logging
from dataclasses import dataclass, field

import pytest

from application.errors import DependencyUnavailableError
from application.ports.outbox import OutboxBacklog
from worker.consumer.outbox_backlog_report import OutboxBacklogReport

BACKLOG = OutboxBacklog(pending=3, oldest_age_seconds=7.5)


@dataclass
class RecordingGauge:
    reported: list[tuple[int, float]] = field(default_factory=list)

    def outbox_backlog(self, pending: int, oldest_age_seconds: float) -> None:
        self.reported.append((pending, oldest_age_seconds))


def unreachable() -> OutboxBacklog:
    raise DependencyUnavailableError("the store is down")


def test_should_report_the_measured_backlog_to_the_gauge() -> None:
    gauge = RecordingGauge()
    sut = OutboxBacklogReport(measure=lambda: BACKLOG, gauge=gauge)

    sut()

    assert gauge.reported == [(3, 7.5)]


def test_should_report_nothing_while_the_store_cannot_answer() -> None:
    gauge = RecordingGauge()
    sut = OutboxBacklogReport(measure=unreachable, gauge=gauge)

    sut()

    assert gauge.reported == []


def test_should_log_that_the_backlog_could_not_be_measured(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sut = OutboxBacklogReport(measure=unreachable, gauge=RecordingGauge())
    caplog.set_level(logging.WARNING)

    sut()

    assert [record.getMessage() for record in caplog.records] == ["outbox.measure_failed"]
