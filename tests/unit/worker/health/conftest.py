from collections.abc import Iterator

import pytest

from tests.unit.worker.health.health_state import HealthState
from worker.health.health_server import HealthServer


@pytest.fixture
def health_state() -> HealthState:
    return HealthState()


@pytest.fixture
def health_server(health_state: HealthState) -> Iterator[HealthServer]:
    server = HealthServer(
        "127.0.0.1",
        0,
        liveness=health_state.liveness,
        readiness=health_state.report,
        draining=health_state.is_draining,
        metrics=health_state.metrics,
    )
    server.start()
    yield server
    server.stop()
