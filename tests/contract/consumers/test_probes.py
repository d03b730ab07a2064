import pytest

from tests.contract.consumers.probe_pacts import KUBELET_PACT, PROMETHEUS_PACT
from tests.contract.consumers.probes import probe_succeeds, scraped_families

PROBES = {
    "a liveness probe while the consume loop makes progress": ("GET", "/livez", True),
    "a liveness probe while the consume loop is stuck": ("GET", "/livez", False),
    "a readiness probe while every dependency answers": ("GET", "/readyz", True),
    "a readiness probe while only the Redis cache is down": ("GET", "/readyz", True),
    "a readiness probe while Vault does not answer but the leases are valid": (
        "GET",
        "/readyz",
        True,
    ),
    "a readiness probe while the database is down": ("GET", "/readyz", False),
    "a readiness probe while the worker drains": ("GET", "/readyz", False),
    "a probe of a path the sidecar does not serve": ("GET", "/healthz", False),
    "a probe with a method other than GET or HEAD": ("POST", "/livez", False),
}


@pytest.mark.parametrize("description", list(KUBELET_PACT.interactions))
def test_should_judge_the_probe_as_the_kubelet_does(description: str) -> None:
    method, path, expected = PROBES[description]
    with KUBELET_PACT.pact(description).serve(addr="127.0.0.1") as mock_sidecar:
        succeeded = probe_succeeds(f"{mock_sidecar.url}{path}", method)

    assert succeeded is expected


def test_should_find_the_worker_metrics_in_a_scrape() -> None:
    with PROMETHEUS_PACT.pact().serve(addr="127.0.0.1") as mock_sidecar:
        families = scraped_families(f"{mock_sidecar.url}/metrics")

    assert "import_worker_messages" in families
