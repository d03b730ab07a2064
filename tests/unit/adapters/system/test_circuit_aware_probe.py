from contextlib import suppress

from adapters.system.circuit_aware_probe import CircuitAwareProbe
from application.errors import DependencyUnavailableError
from application.ports.health_probe import ProbeResult
from domain.health.health_status import HealthStatus
from shared.resilience.policy_settings import PolicySettings
from tests.fakes.fake_health_probe import FakeHealthProbe
from tests.support.policies import quick_policy

TRIPPING = PolicySettings(attempts=1, failure_threshold=1, reset_seconds=60.0)


def test_should_answer_as_its_probe_while_every_circuit_is_closed() -> None:
    probe = FakeHealthProbe("pubsub")
    sut = CircuitAwareProbe(probe, policies=[quick_policy()])

    result = sut.check()

    assert result == probe.check()


def test_should_answer_down_while_a_circuit_is_open() -> None:
    policy = quick_policy("pubsub_publish", TRIPPING)
    with suppress(DependencyUnavailableError), policy.guarded():
        raise DependencyUnavailableError("down")
    sut = CircuitAwareProbe(FakeHealthProbe("pubsub"), policies=[policy])

    result = sut.check()

    assert result.status is HealthStatus.DOWN


def test_should_keep_the_name_of_its_probe() -> None:
    sut = CircuitAwareProbe(FakeHealthProbe("pubsub"), policies=[])

    name = sut.name

    assert name == "pubsub"


def test_should_keep_whether_its_probe_is_optional() -> None:
    sut = CircuitAwareProbe(FakeHealthProbe("cache", optional=True), policies=[])

    optional = sut.optional

    assert optional is True


def test_should_report_the_latency_its_probe_measured_when_a_circuit_is_open() -> None:
    policy = quick_policy("pubsub_publish", TRIPPING)
    with suppress(DependencyUnavailableError), policy.guarded():
        raise DependencyUnavailableError("down")
    sut = CircuitAwareProbe(FakeHealthProbe("pubsub", latency_ms=7.5), policies=[policy])

    result = sut.check()

    assert result == ProbeResult(status=HealthStatus.DOWN, latency_ms=7.5)
