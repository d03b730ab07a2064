from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from shared.configuration import Settings

VAULT = "https://vault.example:8200"


@pytest.mark.parametrize(
    "name",
    ["DATABASE_URL", "REDIS_URL", "AUTH_JWT_SECRET", "AUTH_JWT_PUBLIC_KEY"],
    ids=["database", "redis", "jwt-secret", "jwt-public-key"],
)
def test_should_refuse_a_secret_given_both_as_a_value_and_as_a_file(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(name, "vault:secret/import-worker#value")
    monkeypatch.setenv(f"{name}_FILE", "/run/secrets/value")

    with pytest.raises(ValidationError, match=f"set either {name} or {name}_FILE, not both"):
        Settings()


def test_should_read_the_path_of_a_secret_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL_FILE", "/run/secrets/database-url")

    sut = Settings()

    assert sut.database_url_file == Path("/run/secrets/database-url")


@pytest.mark.parametrize(
    "value",
    ["vault:secret/import-worker#database_url", "redis://cache:6379/0"],
    ids=["vault-reference", "redis-url-in-the-database-variable"],
)
def test_should_accept_a_vault_reference_for_the_database_but_not_another_scheme(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", value)

    accepted = _accepted()

    assert accepted == value.startswith("vault:")


def _accepted() -> bool:
    try:
        Settings()
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize(
    "value",
    ["redis://cache:6379/0", "rediss://cache:6380/0", "unix:///run/redis.sock", "vault:a/b#c"],
    ids=["redis", "redis-over-tls", "unix-socket", "vault-reference"],
)
def test_should_accept_a_redis_address_or_a_vault_reference(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("REDIS_URL", value)

    sut = Settings()

    assert sut.redis_url == SecretStr(value)


def test_should_refuse_a_redis_url_of_another_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", "http://cache:6379")

    with pytest.raises(ValidationError, match="redis_url"):
        Settings()


def test_should_keep_secret_values_out_of_its_representation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://app:hunter2@db/app")
    monkeypatch.setenv("REDIS_URL", "redis://:hunter3@cache:6379/0")
    monkeypatch.setenv("VAULT_ADDR", VAULT)
    monkeypatch.setenv("VAULT_TOKEN", "hvs.hunter4")

    sut = repr(Settings())

    assert [word for word in ("hunter2", "hunter3", "hunter4") if word in sut] == []


@pytest.mark.parametrize(
    ("variables", "login"),
    [
        ({"VAULT_TOKEN": "hvs.x"}, "token"),
        ({"VAULT_TOKEN_FILE": "/run/secrets/vault-token"}, "token"),
        ({"VAULT_ROLE_ID": "role", "VAULT_SECRET_ID": "secret"}, "approle"),
        ({"VAULT_ROLE_ID": "role", "VAULT_SECRET_ID_FILE": "/run/secrets/id"}, "approle"),
        ({"VAULT_KUBERNETES_ROLE": "import-worker"}, "kubernetes"),
    ],
    ids=["token", "token-file", "approle", "approle-secret-file", "kubernetes"],
)
def test_should_log_in_to_vault_the_one_way_configured(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], login: str
) -> None:
    monkeypatch.setenv("VAULT_ADDR", VAULT)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)

    sut = Settings()

    assert sut.vault_logins() == [login]


@pytest.mark.parametrize(
    "variables",
    [
        {},
        {"VAULT_TOKEN": "hvs.x", "VAULT_KUBERNETES_ROLE": "import-worker"},
        {"VAULT_TOKEN": "hvs.x", "VAULT_ROLE_ID": "role", "VAULT_SECRET_ID": "secret"},
    ],
    ids=["no-login", "token-and-kubernetes", "token-and-approle"],
)
def test_should_refuse_vault_without_exactly_one_login(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str]
) -> None:
    monkeypatch.setenv("VAULT_ADDR", VAULT)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)

    with pytest.raises(ValidationError, match="set exactly one of VAULT_TOKEN"):
        Settings()


@pytest.mark.parametrize(
    "variables",
    [{"VAULT_ROLE_ID": "role"}, {"VAULT_SECRET_ID": "secret"}],
    ids=["role-id-alone", "secret-id-alone"],
)
def test_should_refuse_half_an_approle_login(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str]
) -> None:
    monkeypatch.setenv("VAULT_ADDR", VAULT)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)

    with pytest.raises(ValidationError, match="VAULT_ROLE_ID and VAULT_SECRET_ID"):
        Settings()


def test_should_refuse_a_database_role_without_a_vault(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VAULT_DATABASE_ROLE", "import-worker")

    with pytest.raises(ValidationError, match="VAULT_DATABASE_ROLE needs VAULT_ADDR"):
        Settings()


def test_should_find_the_service_account_token_at_its_standard_path() -> None:
    sut = Settings()

    assert sut.vault_kubernetes_token_path == Path(
        "/var/run/secrets/kubernetes.io/serviceaccount/token"
    )
