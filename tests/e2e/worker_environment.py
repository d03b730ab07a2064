from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tests.e2e.tokens import ISSUER, SHARED_SECRET


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkerEnvironment:
    project_id: str
    emulator_host: str
    database_url: str
    allowed_root: Path
    overrides: Mapping[str, str] = field(default_factory=dict)

    def variables(self, *, health_port: int) -> dict[str, str]:
        return {
            "GOOGLE_CLOUD_PROJECT": self.project_id,
            "PUBSUB_EMULATOR_HOST": self.emulator_host,
            "DATABASE_URL": self.database_url,
            "AUTH_JWT_SECRET": SHARED_SECRET,
            "AUTH_ISSUER": ISSUER,
            "IMPORT_ALLOWED_ROOTS": str(self.allowed_root),
            "HEALTH_HOST": "127.0.0.1",
            "HEALTH_PORT": str(health_port),
            "SHUTDOWN_GRACE_SECONDS": "5",
            "LOG_LEVEL": "INFO",
            "LOG_FORMAT": "json",
            "LANG": "C.UTF-8",
            "PYTHONUNBUFFERED": "1",
            **self.overrides,
        }
