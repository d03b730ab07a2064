import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from application.errors import DependencyUnavailableError, SourceForbiddenError, SourceTooLargeError
from application.ports.import_attempt import ImportAttempt
from application.ports.record_source import SourceDescriptor
from domain.events.import_completed import ImportCompleted
from domain.lifecycle.import_answer import ImportAnswer
from shared.configuration import Settings
from shared.configuration_error import ConfigurationError
from tests.support.loopback_https_server import (
    LoopbackHttpsServer,
    after_pause,
    answer,
    serving_https,
)
from tests.support.self_signed_certificate import SelfSignedCertificate, loopback_certificate
from tests.unit.shared.settings_environment import clear_settings_environment
from worker.bootstrap import bootstrap

MOMENT = datetime(2024, 5, 1, tzinfo=UTC)
COMPLETED = ImportCompleted(
    event_id="e-1",
    import_id="i-1",
    dataset="customers",
    correlation_id="c-1",
    started_at=MOMENT,
    finished_at=MOMENT,
)
ATTEMPT = ImportAttempt(
    request_id="m-1", import_id="i-1", actor=None, trace={}, outcome=lambda: COMPLETED
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
    source = bootstrap(settings).message_source
    with source.open(SourceDescriptor(uri=uri)) as stream:
        return stream.header


def test_should_issue_a_new_uuid() -> None:
    identifier = bootstrap(Settings()).ids.new_id()

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
    messages = bootstrap(settings).outcome_messages

    topic = messages.answer(ATTEMPT, ImportAnswer(result=COMPLETED))[0].topic

    assert topic == "results-x"


@pytest.fixture(scope="module")
def loopback_tls(tmp_path_factory: pytest.TempPathFactory) -> SelfSignedCertificate:
    return loopback_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def loopback_https(loopback_tls: SelfSignedCertificate) -> Iterator[LoopbackHttpsServer]:
    people = answer(200, b"id,name\n1,Ada\n")
    routes = {"/people.csv": people, "/slow.csv": after_pause(1.0, people)}
    with serving_https(routes, loopback_tls) as running:
        yield running


@pytest.fixture
def https_server(
    loopback_https: LoopbackHttpsServer,
    loopback_tls: SelfSignedCertificate,
    monkeypatch: pytest.MonkeyPatch,
) -> LoopbackHttpsServer:
    monkeypatch.setenv("SSL_CERT_FILE", str(loopback_tls.certificate))
    return loopback_https


def test_should_let_a_message_read_an_https_source_on_an_allowed_host(
    https_server: LoopbackHttpsServer,
) -> None:
    settings = Settings(import_allowed_hosts=("127.0.0.1",))

    header = _header(settings, https_server.url("/people.csv"))

    assert header == ("id", "name")


def test_should_refuse_a_message_an_https_source_larger_than_the_configured_cap(
    https_server: LoopbackHttpsServer,
) -> None:
    settings = Settings(import_allowed_hosts=("127.0.0.1",), import_max_source_bytes=4)

    with pytest.raises(SourceTooLargeError):
        _header(settings, https_server.url("/people.csv"))


def test_should_give_up_on_an_https_source_slower_than_the_configured_deadline(
    https_server: LoopbackHttpsServer,
) -> None:
    settings = Settings(import_allowed_hosts=("127.0.0.1",), import_https_deadline_seconds=0.3)

    with pytest.raises(DependencyUnavailableError, match="deadline"):
        _header(settings, https_server.url("/slow.csv"))


def test_should_refuse_a_message_every_https_source_when_no_host_is_allowed(
    https_server: LoopbackHttpsServer,
) -> None:
    with pytest.raises(SourceForbiddenError):
        _header(Settings(), https_server.url("/people.csv"))


def test_should_refuse_a_message_every_gs_source_when_no_bucket_is_allowed() -> None:
    with pytest.raises(SourceForbiddenError):
        _header(Settings(), "gs://exports/people.csv")


def test_should_stop_at_start_when_buckets_are_allowed_but_no_credentials_are_found(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "absent.json"))

    with pytest.raises(ConfigurationError, match="IMPORT_ALLOWED_BUCKETS is set but"):
        bootstrap(Settings(import_allowed_buckets=("exports",))).message_source
