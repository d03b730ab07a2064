from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.unit.shared.settings_environment import clear_settings_environment
from tests.unit.worker.cli.cli_runner import CliRunner, preserved_logging


@pytest.fixture(autouse=True)
def embedded_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clear_settings_environment(monkeypatch)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/store.db")


@pytest.fixture(autouse=True)
def restored_logging() -> Iterator[None]:
    with preserved_logging():
        yield


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> CliRunner:
    return CliRunner(capsys)


@pytest.fixture
def customers_csv(tmp_path: Path) -> Path:
    path = tmp_path / "customers.csv"
    path.write_text("id,name,age\n1,Ada,36\n2,Bob,41\n", encoding="utf-8")
    return path


@pytest.fixture
def columns_file(tmp_path: Path) -> Path:
    path = tmp_path / "columns.json"
    path.write_text('{"age": {"type": "integer", "required": true}}', encoding="utf-8")
    return path
