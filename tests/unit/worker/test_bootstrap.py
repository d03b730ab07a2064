import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from application.errors import SourceForbiddenError
from application.ports.record_source import SourceDescriptor
from domain.events.import_completed import ImportCompleted
from shared.configuration import Settings
from tests.unit.shared.settings_environment import clear_settings_environment
from worker import bootstrap

MOMENT = datetime(2024, 5, 1, tzinfo=UTC)
COMPLETED = ImportCompleted(
    event_id="e-1",
    import_id="i-1",
    dataset="customers",
    correlation_id="c-1",
    started_at=MOMENT,
    finished_at=MOMENT,
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_settings_environment(monkeypatch)


@pytest.fixture
def allowed_root(tmp_path: Path) -> Path:
    root = tmp_path / "allowed"
    root.mkdir()
    (root / "ok.csv").write_text("id\n1\n", encoding="utf-8")
    (tmp_path / "outside.csv").write_text("id\n1\n", encoding="utf-8")
    return root


def _header(settings: Settings, uri: str) -> tuple[str, ...]:
    with bootstrap.build_message_record_source(settings).open(SourceDescriptor(uri=uri)) as stream:
        return stream.header


def test_should_issue_a_new_uuid() -> None:
    identifier = bootstrap.new_id()

    assert uuid.UUID(identifier).version == 4


def test_should_let_a_message_read_a_file_under_an_allowed_root(allowed_root: Path) -> None:
    settings = Settings(import_allowed_roots=(str(allowed_root),))

    header = _header(settings, (allowed_root / "ok.csv").as_uri())

    assert header == ("id",)


def test_should_refuse_a_message_access_to_a_file_outside_every_allowed_root(
    allowed_root: Path,
) -> None:
    settings = Settings(import_allowed_roots=(str(allowed_root),))

    with pytest.raises(SourceForbiddenError):
        _header(settings, (allowed_root.parent / "outside.csv").as_uri())


def test_should_refuse_a_message_access_to_any_file_when_no_root_is_allowed(
    allowed_root: Path,
) -> None:
    with pytest.raises(SourceForbiddenError):
        _header(Settings(), (allowed_root / "ok.csv").as_uri())


def test_should_address_result_events_to_the_configured_topic() -> None:
    settings = Settings(import_results_topic="results-x", audit_events_topic="audit-x")
    messages = bootstrap.build_event_messages(settings)

    topic = messages.result(COMPLETED).topic

    assert topic == "results-x"
