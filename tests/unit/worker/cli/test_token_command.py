import jwt
import pytest

from tests.unit.worker.cli.cli_runner import CliRunner

SECRET = "a-development-secret-of-32-bytes!"


@pytest.fixture
def signing_secret(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("AUTH_JWT_SECRET", SECRET)
    return SECRET


def _claims(token: str, audience: str | None = None) -> dict[str, object]:
    decoded: dict[str, object] = jwt.decode(token, SECRET, algorithms=["HS256"], audience=audience)
    return decoded


def test_should_print_a_token_signed_with_the_configured_secret(
    cli: CliRunner, signing_secret: str
) -> None:
    run = cli("token", "issue", "--subject", "alice", "--role", "importer")

    assert {key: _claims(run.document()["token"])[key] for key in ("sub", "roles")} == {
        "sub": "alice",
        "roles": ["importer"],
    }


def test_should_put_every_given_role_in_the_token(cli: CliRunner, signing_secret: str) -> None:
    run = cli("token", "issue", "--subject", "root", "--role", "admin", "--role", "viewer")

    assert _claims(run.document()["token"])["roles"] == ["admin", "viewer"]


def test_should_give_the_token_the_requested_lifetime(cli: CliRunner, signing_secret: str) -> None:
    run = cli("token", "issue", "--subject", "alice", "--role", "importer", "--ttl", "60")

    claims = _claims(run.document()["token"])
    assert claims["exp"] == claims["iat"] + 60  # type: ignore[operator]


def test_should_add_the_configured_issuer_and_audience(
    cli: CliRunner, signing_secret: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUTH_ISSUER", "https://issuer.example")
    monkeypatch.setenv("AUTH_AUDIENCE", "import-worker")

    run = cli("token", "issue", "--subject", "alice", "--role", "importer")

    assert {
        key: _claims(run.document()["token"], audience="import-worker")[key]
        for key in ("iss", "aud")
    } == {"iss": "https://issuer.example", "aud": "import-worker"}


def test_should_exit_two_without_a_secret(cli: CliRunner) -> None:
    run = cli("token", "issue", "--subject", "alice", "--role", "importer")

    assert run.exit_code == 2


def test_should_say_that_minting_needs_a_secret(cli: CliRunner) -> None:
    run = cli("token", "issue", "--subject", "alice", "--role", "importer")

    assert (
        run.stderr
        == "configuration error: AUTH_JWT_SECRET must be set to mint development tokens\n"
    )


def test_should_exit_two_with_a_secret_too_short_for_the_worker_to_accept(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUTH_JWT_SECRET", "short")

    run = cli("token", "issue", "--subject", "alice", "--role", "importer")

    assert run.exit_code == 2


def test_should_exit_two_for_a_lifetime_that_is_not_positive(
    cli: CliRunner, signing_secret: str
) -> None:
    run = cli("token", "issue", "--subject", "alice", "--role", "importer", "--ttl", "0")

    assert run.exit_code == 2


def test_should_say_that_a_token_needs_a_positive_lifetime(
    cli: CliRunner, signing_secret: str
) -> None:
    run = cli("token", "issue", "--subject", "alice", "--role", "importer", "--ttl", "0")

    assert run.stderr == "import-worker: a token needs a subject and a positive lifetime\n"


def test_should_refuse_an_unknown_role(cli: CliRunner, signing_secret: str) -> None:
    with pytest.raises(SystemExit):
        cli("token", "issue", "--subject", "alice", "--role", "superuser")
