from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import AnyUrl, Field, HttpUrl, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

VAULT_REFERENCE_PREFIX = "vault:"
DATABASE_SCHEMES = ("memory://", "sqlite:///", "postgresql://", "postgres://")
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
VAULT_REFERABLE_SECRETS = ("AUTH_JWT_SECRET", "AUTH_JWT_PUBLIC_KEY", "DATABASE_URL", "REDIS_URL")
FILE_READABLE_SECRETS = (*VAULT_REFERABLE_SECRETS, "VAULT_TOKEN", "VAULT_SECRET_ID")
SERVICE_ACCOUNT_TOKEN = Path("/var/run/secrets/kubernetes.io/serviceaccount/token")
OtlpProtocol = Literal["grpc", "http/protobuf"]
CommaSeparated = Annotated[tuple[str, ...], NoDecode]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(frozen=True, extra="ignore", case_sensitive=False)

    google_cloud_project: str | None = None
    pubsub_emulator_host: str | None = None
    database_url: SecretStr = SecretStr("sqlite:///./var/import-worker.db")
    database_url_file: Path | None = None
    redis_url: SecretStr | None = None
    redis_url_file: Path | None = None
    cache_ttl_seconds: int = Field(default=300, ge=1)
    cache_key_prefix: str = Field(default="import-worker:", min_length=1)
    cache_connect_timeout_seconds: float = Field(default=0.25, gt=0)
    cache_command_timeout_seconds: float = Field(default=0.25, gt=0)
    auth_mode: Literal["jwt", "disabled"] = "jwt"
    auth_jwt_secret: SecretStr | None = None
    auth_jwt_secret_file: Path | None = None
    auth_jwt_public_key: SecretStr | None = None
    auth_jwt_public_key_file: Path | None = None
    auth_jwks_url: AnyUrl | None = None
    auth_jwks_allow_insecure_loopback: bool = False
    auth_issuer: str | None = None
    auth_audience: str | None = None
    import_allowed_roots: CommaSeparated = ()
    import_allowed_hosts: CommaSeparated = ()
    import_max_source_bytes: int | None = Field(default=None, ge=1)
    import_max_row_bytes: int = Field(default=1024 * 1024, ge=16)
    import_https_deadline_seconds: float = Field(default=300, gt=0)
    import_allowed_buckets: CommaSeparated = ()
    storage_emulator_host: str | None = None
    import_gcs_chunk_bytes: int = Field(default=8 * 1024 * 1024, ge=1)
    import_requests_topic: str = "import-requests"
    import_requests_subscription: str = "import-requests-worker"
    import_results_topic: str = "import-results"
    audit_events_topic: str = "audit-events"
    dead_letter_topic: str = "import-requests-dead-letter"
    dead_letter_subscription: str = "import-requests-dead-letter-inspect"
    import_batch_max_messages: int = Field(default=100, ge=1)
    import_streamed_concurrency: int = Field(default=4, ge=1)
    pubsub_max_outstanding_messages: int = Field(default=200, ge=1)
    pubsub_max_outstanding_bytes: int = Field(default=100 * 1024 * 1024, ge=1024)
    pubsub_max_lease_seconds: float = Field(default=3600, gt=0)
    pubsub_max_lease_extension_seconds: int = Field(default=60, ge=10, le=600)
    pubsub_callback_threads: int = Field(default=200, ge=1)
    health_probe_timeout_seconds: float = Field(default=2, gt=0)
    retry_attempts: int = Field(default=3, ge=1)
    retry_first_backoff_seconds: float = Field(default=0.1, ge=0)
    retry_max_backoff_seconds: float = Field(default=2.0, ge=0)
    breaker_failure_threshold: int = Field(default=5, ge=1)
    breaker_reset_seconds: float = Field(default=30.0, gt=0)
    health_host: str = "0.0.0.0"  # nosec B104
    health_port: int = Field(default=8080, ge=0, le=65535)
    shutdown_grace_seconds: float = Field(default=25, gt=0)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["json", "console"] = "json"
    vault_addr: HttpUrl | None = None
    vault_cacert: Path | None = None
    vault_token: SecretStr | None = None
    vault_token_file: Path | None = None
    vault_role_id: str | None = None
    vault_secret_id: SecretStr | None = None
    vault_secret_id_file: Path | None = None
    vault_kubernetes_role: str | None = None
    vault_kubernetes_token_path: Path = SERVICE_ACCOUNT_TOKEN
    vault_database_role: str | None = None
    otel_exporter_otlp_endpoint: str | None = None
    otel_exporter_otlp_protocol: OtlpProtocol = "grpc"
    otel_exporter_otlp_traces_protocol: OtlpProtocol | None = None
    otel_exporter_otlp_metrics_protocol: OtlpProtocol | None = None

    @field_validator(
        "import_allowed_roots", "import_allowed_hosts", "import_allowed_buckets", mode="before"
    )
    @classmethod
    def split_comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @field_validator("database_url")
    @classmethod
    def known_database_scheme(cls, value: SecretStr) -> SecretStr:
        return _known_scheme(value, DATABASE_SCHEMES)

    @field_validator("redis_url")
    @classmethod
    def known_redis_scheme(cls, value: SecretStr | None) -> SecretStr | None:
        return None if value is None else _known_scheme(value, REDIS_SCHEMES)

    @model_validator(mode="after")
    def one_source_per_secret(self) -> Self:
        for name in FILE_READABLE_SECRETS:
            if {name.lower(), f"{name.lower()}_file"} <= self.model_fields_set:
                raise ValueError(f"set either {name} or {name}_FILE, not both")
        return self

    @model_validator(mode="after")
    def whole_approle(self) -> Self:
        secret_id = self.vault_secret_id is not None or self.vault_secret_id_file is not None
        if (self.vault_role_id is not None) != secret_id:
            raise ValueError("VAULT_ROLE_ID and VAULT_SECRET_ID (or its _FILE) go together")
        return self

    @model_validator(mode="after")
    def one_vault_login(self) -> Self:
        if self.vault_addr is None and self.vault_database_role is not None:
            raise ValueError("VAULT_DATABASE_ROLE needs VAULT_ADDR")
        if self.vault_addr is not None and len(self.vault_logins()) != 1:
            raise ValueError(
                "with VAULT_ADDR, set exactly one of VAULT_TOKEN, VAULT_ROLE_ID with"
                " VAULT_SECRET_ID, or VAULT_KUBERNETES_ROLE"
            )
        return self

    @field_validator("log_level", mode="before")
    @classmethod
    def upper_case_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    def vault_logins(self) -> list[str]:
        logins = {
            "token": self.vault_token is not None or self.vault_token_file is not None,
            "approle": self.vault_role_id is not None,
            "kubernetes": self.vault_kubernetes_role is not None,
        }
        return [login for login, chosen in logins.items() if chosen]


def _known_scheme(value: SecretStr, schemes: tuple[str, ...]) -> SecretStr:
    if not value.get_secret_value().startswith((*schemes, VAULT_REFERENCE_PREFIX)):
        raise ValueError(f"must start with one of {', '.join(schemes)} or be a vault: reference")
    return value
