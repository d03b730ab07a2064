import tomllib
from datetime import date
from pathlib import Path

from packaging.utils import canonicalize_name
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tools.dependency_audit.audit_error import AuditError
from tools.dependency_audit.osv_advisory import OsvAdvisory


class IgnoreEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    package: str = Field(min_length=1)
    reason: str
    reviewed_by: str = Field(min_length=1)
    reviewed_on: date

    @field_validator("reason")
    @classmethod
    def _reason_says_why(cls, reason: str) -> str:
        if not reason.strip():
            raise ValueError("must say why the finding does not apply")
        return reason

    def covers(self, advisory: OsvAdvisory, package_name: str) -> bool:
        same_package = canonicalize_name(self.package) == canonicalize_name(package_name)
        return same_package and self.id in advisory.names


class IgnoreFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    ignore: tuple[IgnoreEntry, ...] = ()

    @classmethod
    def read(cls, path: Path) -> "IgnoreFile":
        try:
            return cls.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
        except ValidationError as error:
            raise AuditError(f"{path}: {_first_problem(error)}") from error
        except (OSError, ValueError) as error:
            raise AuditError(f"{path}: not a readable TOML file ({error})") from error


def _first_problem(error: ValidationError) -> str:
    problem = error.errors()[0]
    place = ".".join(str(part) for part in problem["loc"])
    return f"{place}: {problem['msg']}"
