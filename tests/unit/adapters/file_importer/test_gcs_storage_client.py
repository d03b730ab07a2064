import json
from pathlib import Path

import pytest

from adapters.file_importer.gcs_storage_client import emulator_endpoint, storage_client

AUTHORIZED_USER = {
    "type": "authorized_user",
    "client_id": "client",
    "client_secret": "not-a-secret",
    "refresh_token": "not-a-token",
}


@pytest.mark.parametrize(
    ("host", "endpoint"),
    [
        ("127.0.0.1:9023", "http://127.0.0.1:9023"),
        ("http://127.0.0.1:9023", "http://127.0.0.1:9023"),
        ("https://storage.internal", "https://storage.internal"),
    ],
    ids=["host-and-port", "http-address", "https-address"],
)
def test_should_address_the_emulator_with_a_scheme(host: str, endpoint: str) -> None:
    assert emulator_endpoint(host) == endpoint


def test_should_send_requests_to_the_emulator_when_one_is_configured() -> None:
    client = storage_client(project="p", emulator_host="127.0.0.1:9023")

    assert client.api_endpoint == "http://127.0.0.1:9023"


def test_should_name_the_configured_project() -> None:
    client = storage_client(project="p", emulator_host="127.0.0.1:9023")

    assert client.project == "p"


def test_should_refuse_to_build_a_client_without_google_credentials(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("STORAGE_EMULATOR_HOST", raising=False)
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "absent.json"))

    with pytest.raises(ValueError, match="no Google credentials"):
        storage_client(project="p", emulator_host=None)


def test_should_build_a_client_on_the_application_default_credentials(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    credentials = tmp_path / "credentials.json"
    credentials.write_text(json.dumps(AUTHORIZED_USER), encoding="utf-8")
    monkeypatch.delenv("STORAGE_EMULATOR_HOST", raising=False)
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(credentials))

    client = storage_client(project="p", emulator_host=None)

    assert client.api_endpoint == "https://storage.googleapis.com"
