from collections.abc import Callable
from http import HTTPStatus

import pytest

from tests.deploy.contract_names import setting_default
from tests.deploy.port_sources import HEALTH_PORTS
from tests.deploy.probe_sources import (
    LIVENESS_PATHS,
    METRICS_BODY,
    READINESS_PATHS,
    METRICS_PATHS,
    answer,
    status_when_draining,
    status_when_stuck,
)


@pytest.mark.parametrize("path", LIVENESS_PATHS.values(), ids=LIVENESS_PATHS.keys())
def test_should_probe_liveness_where_the_sidecar_reports_a_stuck_consumer(
    path: Callable[[], str],
) -> None:
    status = status_when_stuck(path())

    assert status == HTTPStatus.SERVICE_UNAVAILABLE


@pytest.mark.parametrize("path", READINESS_PATHS.values(), ids=READINESS_PATHS.keys())
def test_should_probe_readiness_where_the_sidecar_reports_draining(
    path: Callable[[], str],
) -> None:
    status = status_when_draining(path())

    assert status == HTTPStatus.SERVICE_UNAVAILABLE


@pytest.mark.parametrize("path", METRICS_PATHS.values(), ids=METRICS_PATHS.keys())
def test_should_scrape_the_path_the_sidecar_serves_metrics_on(path: Callable[[], str]) -> None:
    response = answer(path())

    assert response.body == METRICS_BODY


@pytest.mark.parametrize("port", HEALTH_PORTS.values(), ids=HEALTH_PORTS.keys())
def test_should_reach_the_sidecar_on_the_port_the_worker_listens_on(
    port: Callable[[], int],
) -> None:
    expected = setting_default("HEALTH_PORT")

    assert port() == expected
