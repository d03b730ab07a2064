import time
from pathlib import Path

import pytest

from tests.integration.adapters.caching.redis_caches import closed_address
from tests.unit.worker.cli.cli_runner import CliRun, CliRunner

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("applied_topology")]

FIRST_CSV = "id,name\n1,Ada\n2,Grace\n"
SECOND_CSV = "id,name\n1,Ada Lovelace\n"
TTL_SECONDS = 1


@pytest.fixture(autouse=True)
def cached(monkeypatch: pytest.MonkeyPatch, redis_url: str, cache_prefix: str) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("CACHE_KEY_PREFIX", cache_prefix)


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = tmp_path / "cached-store.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    return path


def imported(cli: CliRunner, tmp_path: Path, text: str, import_id: str) -> CliRun:
    source = tmp_path / f"{import_id}.csv"
    source.write_text(text, encoding="utf-8")
    return cli(
        "import", str(source), "--dataset", "people", "--key-column", "id", "--import-id", import_id
    )


def name_of(cli: CliRunner) -> str:
    name: str = cli("records", "get", "people", "1").document()["values"]["name"]
    return name


def test_should_answer_a_record_read_before_from_the_cache_without_the_store(
    cli: CliRunner, tmp_path: Path, store: Path
) -> None:
    imported(cli, tmp_path, FIRST_CSV, "imp-1")
    name_of(cli)
    store.rename(tmp_path / "moved-away.db")

    name = name_of(cli)

    assert name == "Ada"


def test_should_answer_the_record_an_import_wrote_after_it_was_cached(
    cli: CliRunner, tmp_path: Path, store: Path
) -> None:
    imported(cli, tmp_path, FIRST_CSV, "imp-1")
    name_of(cli)
    imported(cli, tmp_path, SECOND_CSV, "imp-2")

    name = name_of(cli)

    assert name == "Ada Lovelace"


def test_should_import_as_without_a_cache_while_redis_is_unreachable(
    cli: CliRunner, tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDIS_URL", closed_address())

    run = imported(cli, tmp_path, FIRST_CSV, "imp-1")

    assert run.exit_code == 0


def test_should_read_the_store_while_redis_is_unreachable(
    cli: CliRunner, tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    imported(cli, tmp_path, FIRST_CSV, "imp-1")
    monkeypatch.setenv("REDIS_URL", closed_address())

    name = name_of(cli)

    assert name == "Ada"


def test_should_warn_when_an_import_committed_while_redis_was_unreachable(
    cli: CliRunner, tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDIS_URL", closed_address())

    run = imported(cli, tmp_path, FIRST_CSV, "imp-1")

    assert "cache.invalidation_failed" in run.stderr


def test_should_answer_the_new_record_at_the_latest_one_time_to_live_after_a_writer_cut_off(
    cli: CliRunner, tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch, redis_url: str
) -> None:
    monkeypatch.setenv("CACHE_TTL_SECONDS", str(TTL_SECONDS))
    imported(cli, tmp_path, FIRST_CSV, "imp-1")
    name_of(cli)
    monkeypatch.setenv("REDIS_URL", closed_address())
    imported(cli, tmp_path, SECOND_CSV, "imp-2")
    monkeypatch.setenv("REDIS_URL", redis_url)
    time.sleep(TTL_SECONDS + 0.2)

    name = name_of(cli)

    assert name == "Ada Lovelace"
