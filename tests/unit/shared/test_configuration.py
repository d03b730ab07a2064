import pytest
from pydantic import ValidationError

from shared.configuration import Settings


def test_should_default_to_the_embedded_sqlite_store() -> None:
    sut = Settings()

    assert sut.database_url.get_secret_value() == "sqlite:///./var/import-worker.db"


def test_should_default_to_no_allowed_roots() -> None:
    sut = Settings()

    assert sut.import_allowed_roots == ()


def test_should_split_allowed_roots_on_commas_and_trim_each_part(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IMPORT_ALLOWED_ROOTS", " /data/in , /srv/imports,, ")

    sut = Settings()

    assert sut.import_allowed_roots == ("/data/in", "/srv/imports")


def test_should_split_allowed_hosts_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPORT_ALLOWED_HOSTS", "example.com,data.example.org")

    sut = Settings()

    assert sut.import_allowed_hosts == ("example.com", "data.example.org")


def test_should_accept_a_sequence_of_allowed_roots_given_directly() -> None:
    sut = Settings(import_allowed_roots=["/data"])  # type: ignore[arg-type]

    assert sut.import_allowed_roots == ("/data",)


@pytest.mark.parametrize(
    "database_url",
    ["memory://", "sqlite:///tmp/x.db", "postgresql://db/app", "postgres://db/app"],
    ids=["memory", "sqlite", "postgresql", "postgres"],
)
def test_should_accept_a_known_database_scheme(
    monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)

    sut = Settings()

    assert sut.database_url.get_secret_value() == database_url


def test_should_refuse_an_unknown_database_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://x")

    with pytest.raises(ValidationError, match="must start with one of memory://"):
        Settings()


@pytest.mark.parametrize("level", ["debug", "Warning", "ERROR"], ids=["lower", "mixed", "upper"])
def test_should_read_the_log_level_in_any_case(monkeypatch: pytest.MonkeyPatch, level: str) -> None:
    monkeypatch.setenv("LOG_LEVEL", level)

    sut = Settings()

    assert sut.log_level == level.upper()


def test_should_refuse_an_unknown_log_level(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "verbose")

    with pytest.raises(ValidationError, match="log_level"):
        Settings()


def test_should_refuse_a_log_level_that_is_not_text() -> None:
    with pytest.raises(ValidationError, match="log_level"):
        Settings(log_level=10)  # type: ignore[arg-type]


def test_should_refuse_an_unknown_log_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_FORMAT", "xml")

    with pytest.raises(ValidationError, match="log_format"):
        Settings()


def test_should_read_variable_names_in_any_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("google_cloud_project", "demo-project")

    sut = Settings()

    assert sut.google_cloud_project == "demo-project"


def test_should_keep_the_jwt_secret_out_of_its_representation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AUTH_JWT_SECRET", "do-not-print-this-secret")

    sut = Settings()

    assert "do-not-print-this-secret" not in repr(sut)


def test_should_refuse_a_health_port_out_of_range(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEALTH_PORT", "70000")

    with pytest.raises(ValidationError, match="health_port"):
        Settings()


def test_should_refuse_a_non_positive_shutdown_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHUTDOWN_GRACE_SECONDS", "0")

    with pytest.raises(ValidationError, match="shutdown_grace_seconds"):
        Settings()


def test_should_be_frozen() -> None:
    sut = Settings()

    with pytest.raises(ValidationError):
        sut.log_format = "console"


def test_should_default_to_no_cap_on_source_size() -> None:
    sut = Settings()

    assert sut.import_max_source_bytes is None


def test_should_read_the_source_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPORT_MAX_SOURCE_BYTES", "1048576")

    sut = Settings()

    assert sut.import_max_source_bytes == 1048576


def test_should_refuse_a_source_size_cap_below_one_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPORT_MAX_SOURCE_BYTES", "0")

    with pytest.raises(ValidationError):
        Settings()


def test_should_default_to_a_five_minute_deadline_for_https_sources() -> None:
    sut = Settings()

    assert sut.import_https_deadline_seconds == 300


def test_should_read_the_https_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPORT_HTTPS_DEADLINE_SECONDS", "12.5")

    sut = Settings()

    assert sut.import_https_deadline_seconds == 12.5


@pytest.mark.parametrize("seconds", ["0", "-1"], ids=["zero", "negative"])
def test_should_refuse_an_https_deadline_that_is_not_positive(
    monkeypatch: pytest.MonkeyPatch, seconds: str
) -> None:
    monkeypatch.setenv("IMPORT_HTTPS_DEADLINE_SECONDS", seconds)

    with pytest.raises(ValidationError, match="import_https_deadline_seconds"):
        Settings()


def test_should_refuse_insecure_loopback_key_sets_by_default() -> None:
    sut = Settings()

    assert sut.auth_jwks_allow_insecure_loopback is False


def test_should_read_the_insecure_loopback_key_set_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTH_JWKS_ALLOW_INSECURE_LOOPBACK", "true")

    sut = Settings()

    assert sut.auth_jwks_allow_insecure_loopback is True


def test_should_default_to_no_allowed_buckets() -> None:
    sut = Settings()

    assert sut.import_allowed_buckets == ()


def test_should_split_allowed_buckets_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPORT_ALLOWED_BUCKETS", "exports, archive ,")

    sut = Settings()

    assert sut.import_allowed_buckets == ("exports", "archive")


def test_should_read_the_storage_emulator_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORAGE_EMULATOR_HOST", "http://127.0.0.1:9023")

    sut = Settings()

    assert sut.storage_emulator_host == "http://127.0.0.1:9023"


def test_should_read_cloud_storage_in_chunks_of_8_mib_by_default() -> None:
    sut = Settings()

    assert sut.import_gcs_chunk_bytes == 8 * 1024 * 1024


def test_should_refuse_a_chunk_size_below_one_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPORT_GCS_CHUNK_BYTES", "0")

    with pytest.raises(ValidationError, match="import_gcs_chunk_bytes"):
        Settings()
