import pytest

from application.ports.health_probe import ProbeResult
from application.use_cases.check_health import CheckHealthUseCase
from domain.health.health_status import HealthStatus
from tests.fakes.fake_health_probe import FakeHealthProbe

UP = HealthStatus.UP
DOWN = HealthStatus.DOWN
DEGRADED = HealthStatus.DEGRADED


def probes(
    pubsub: HealthStatus, repository: HealthStatus, cache: HealthStatus
) -> list[FakeHealthProbe]:
    return [
        FakeHealthProbe("pubsub", status=pubsub),
        FakeHealthProbe("repository", status=repository),
        FakeHealthProbe("cache", status=cache, optional=True),
    ]


@pytest.mark.parametrize(
    ("pubsub", "repository", "cache", "expected"),
    [
        (UP, UP, UP, UP),
        (UP, UP, DOWN, DEGRADED),
        (UP, UP, DEGRADED, DEGRADED),
        (DOWN, UP, UP, DOWN),
        (UP, DOWN, UP, DOWN),
        (UP, DEGRADED, UP, DEGRADED),
        (UP, DEGRADED, DOWN, DEGRADED),
        (DOWN, DEGRADED, UP, DOWN),
        (UP, DOWN, DOWN, DOWN),
    ],
    ids=[
        "all-up",
        "only-optional-down",
        "only-optional-degraded",
        "required-pubsub-down",
        "required-repository-down",
        "required-repository-degraded",
        "required-degraded-and-optional-down",
        "required-down-and-required-degraded",
        "required-and-optional-down",
    ],
)
def test_should_be_up_degraded_or_down_by_which_dependencies_fail(
    pubsub: HealthStatus, repository: HealthStatus, cache: HealthStatus, expected: HealthStatus
) -> None:
    sut = CheckHealthUseCase(probes=probes(pubsub, repository, cache))

    report = sut.execute()

    assert report.status == expected


def test_should_be_up_without_any_probe() -> None:
    sut = CheckHealthUseCase(probes=[])

    report = sut.execute()

    assert report.status == UP


def test_should_report_each_probe_result_by_its_name() -> None:
    sut = CheckHealthUseCase(
        probes=[
            FakeHealthProbe("repository", latency_ms=3.5),
            FakeHealthProbe("cache", status=DOWN, optional=True, latency_ms=250.0),
        ]
    )

    report = sut.execute()

    assert report.checks == {
        "repository": ProbeResult(status=UP, latency_ms=3.5),
        "cache": ProbeResult(status=DOWN, latency_ms=250.0),
    }


def test_should_check_each_probe_once_per_report() -> None:
    probe = FakeHealthProbe("repository")
    sut = CheckHealthUseCase(probes=[probe])

    sut.execute()

    assert probe.checks == 1
