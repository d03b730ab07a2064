import logging

import pytest

from adapters.messaging.topology_names import TopologyNames
from application.errors import UnauthenticatedError
from application.services.auth_service import AuthService
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from shared.configuration import Settings
from shared.configuration_error import ConfigurationError
from tests.unit.shared.settings_environment import clear_settings_environment
from worker.bootstrap import bootstrap

SECRET = "a-development-secret-of-32-bytes!"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_settings_environment(monkeypatch)


def _settings(monkeypatch: pytest.MonkeyPatch, **variables: str) -> Settings:
    for name, value in variables.items():
        monkeypatch.setenv(name.upper(), value)
    return Settings()


def test_should_read_the_project_from_the_settings() -> None:
    project = bootstrap(Settings(google_cloud_project="demo")).messaging.project_id

    assert project == "demo"


@pytest.mark.parametrize("project", [None, ""], ids=["unset", "empty"])
def test_should_require_a_project(project: str | None) -> None:
    with pytest.raises(ConfigurationError, match="GOOGLE_CLOUD_PROJECT must be set"):
        bootstrap(Settings(google_cloud_project=project)).messaging.project_id


def test_should_name_the_topology_after_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPORT_REQUESTS_TOPIC", "requests-x")
    monkeypatch.setenv("IMPORT_REQUESTS_SUBSCRIPTION", "requests-x-worker")
    monkeypatch.setenv("IMPORT_RESULTS_TOPIC", "results-x")
    monkeypatch.setenv("AUDIT_EVENTS_TOPIC", "audit-x")
    monkeypatch.setenv("DEAD_LETTER_TOPIC", "dead-x")
    monkeypatch.setenv("DEAD_LETTER_SUBSCRIPTION", "dead-x-inspect")

    names = bootstrap(Settings()).messaging.names

    assert names == TopologyNames(
        import_requests_topic="requests-x",
        import_requests_subscription="requests-x-worker",
        import_results_topic="results-x",
        audit_events_topic="audit-x",
        dead_letter_topic="dead-x",
        dead_letter_subscription="dead-x-inspect",
    )


def test_should_name_the_contract_topology_by_default() -> None:
    names = bootstrap(Settings()).messaging.names

    assert names == TopologyNames()


def test_should_act_as_an_anonymous_importer_when_auth_is_disabled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    auth = bootstrap(_settings(monkeypatch, auth_mode="disabled")).auth

    identity = auth.authorize(None)

    assert identity == UserIdentity(subject="anonymous", roles=frozenset({UserRole.IMPORTER}))


def test_should_warn_when_auth_is_disabled(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.WARNING, logger="worker.composition.components")

    bootstrap(_settings(monkeypatch, auth_mode="disabled")).auth

    assert [record.getMessage() for record in caplog.records] == ["auth.disabled"]


def test_should_not_warn_when_auth_is_enabled(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.WARNING, logger="worker.composition.components")

    bootstrap(_settings(monkeypatch, auth_jwt_secret=SECRET)).auth

    assert caplog.records == []


def test_should_verify_tokens_minted_by_the_development_issuer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = _settings(
        monkeypatch, auth_jwt_secret=SECRET, auth_issuer="dev", auth_audience="worker"
    )
    token = bootstrap(settings).token_issuer.issue(subject="alice", roles=["importer"])
    auth = bootstrap(settings).auth

    identity = auth.authorize(f"Bearer {token}")

    assert identity == UserIdentity(subject="alice", roles=frozenset({UserRole.IMPORTER}))


def test_should_refuse_a_request_without_a_token_when_auth_is_enabled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    auth = bootstrap(_settings(monkeypatch, auth_jwt_secret=SECRET)).auth

    with pytest.raises(UnauthenticatedError):
        auth.authorize(None)


@pytest.mark.parametrize(
    ("auth_settings", "message"),
    [
        ({}, "AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL must be set"),
        ({"auth_jwt_secret": "short"}, "at least 32 bytes"),
        ({"auth_jwt_secret": SECRET, "auth_jwks_url": "https://keys.example/jwks"}, "only one"),
        ({"auth_jwks_url": "http://127.0.0.1:8080/jwks"}, "AUTH_JWKS_URL must be an https address"),
        (
            {"auth_jwks_url": "http://keys.example/jwks", "auth_jwks_allow_insecure_loopback": "1"},
            "AUTH_JWKS_URL must be an https address",
        ),
    ],
    ids=["no-key", "short-secret", "two-keys", "plain-http", "plain-http-not-loopback"],
)
def test_should_refuse_an_inconsistent_auth_configuration(
    auth_settings: dict[str, str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(monkeypatch, **auth_settings)

    with pytest.raises(ConfigurationError, match=message):
        bootstrap(settings).auth


def test_should_accept_a_loopback_http_key_set_when_explicitly_allowed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = _settings(
        monkeypatch,
        auth_jwks_url="http://127.0.0.1:8080/jwks",
        auth_jwks_allow_insecure_loopback="true",
    )

    auth = bootstrap(settings).auth

    assert isinstance(auth, AuthService)


def test_should_require_a_secret_to_mint_tokens() -> None:
    with pytest.raises(ConfigurationError, match="AUTH_JWT_SECRET must be set"):
        bootstrap(Settings()).token_issuer


def test_should_refuse_to_mint_with_a_secret_the_worker_would_refuse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(ConfigurationError, match="at least 32 bytes"):
        bootstrap(_settings(monkeypatch, auth_jwt_secret="short")).token_issuer
