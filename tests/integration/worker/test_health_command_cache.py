from typing import Any

import pytest

from tests.integration.adapters.caching.redis_caches import closed_address
from tests.unit.worker.cli.cli_runner import CliRun, CliRunner

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("applied_topology")]


@pytest.fixture
def reachable_cache(monkeypatch: pytest.MonkeyPatch, redis_url: str, cache_prefix: str) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("CACHE_KEY_PREFIX", cache_prefix)


@pytest.fixture
def unreachable_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", closed_address())


def statuses(run: CliRun) -> dict[str, Any]:
    document = run.document()
    checks = {name: check["status"] for name, check in document["checks"].items()}
    return {"status": document["status"], "checks": checks}


@pytest.mark.usefixtures("reachable_cache")
def test_should_check_the_cache_when_redis_is_configured(cli: CliRunner) -> None:
    run = cli("health")

    assert statuses(run) == {
        "status": "up",
        "checks": {"pubsub": "up", "repository": "up", "cache": "up"},
    }


@pytest.mark.usefixtures("unreachable_cache")
def test_should_be_degraded_with_the_cache_down_while_redis_is_unreachable(
    cli: CliRunner,
) -> None:
    run = cli("health")

    assert statuses(run) == {
        "status": "degraded",
        "checks": {"pubsub": "up", "repository": "up", "cache": "down"},
    }


@pytest.mark.usefixtures("unreachable_cache")
def test_should_stay_ready_while_only_the_cache_is_down(cli: CliRunner) -> None:
    run = cli("health")

    assert run.exit_code == 0
