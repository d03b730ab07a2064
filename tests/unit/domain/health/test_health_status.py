from domain.health.health_status import HealthStatus


def test_should_name_statuses_as_the_readiness_body_spells_them() -> None:
    sut = HealthStatus

    names = [status.value for status in sut]

    assert names == ["up", "degraded", "down"]
