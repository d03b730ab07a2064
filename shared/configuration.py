from typing import Annotated, Literal

from pydantic import AnyUrl, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DATABASE_SCHEMES = ("memory://", "sqlite:///", "postgresql://", "postgres://")
CommaSeparated = Annotated[tuple[str, ...], NoDecode]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(frozen=True, extra="ignore", case_sensitive=False)

    google_cloud_project: str | None = None
    pubsub_emulator_host: str | None = None
    database_url: str = "sqlite:///./var/import-worker.db"
    redis_url: AnyUrl | None = None
    cache_ttl_seconds: int = Field(default=300, ge=1)
    cache_key_prefix: str = Field(default="import-worker:", min_length=1)
    cache_connect_timeout_seconds: float = Field(default=0.25, gt=0)
    cache_command_timeout_seconds: float = Field(default=0.25, gt=0)
    auth_mode: Literal["jwt", "disabled"] = "jwt"
    auth_jwt_secret: SecretStr | None = None
    auth_jwt_public_key: SecretStr | None = None
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
    def known_database_scheme(cls, value: str) -> str:
        if not value.startswith(DATABASE_SCHEMES):
            raise ValueError(f"must start with one of {', '.join(DATABASE_SCHEMES)}")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def upper_case_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value
