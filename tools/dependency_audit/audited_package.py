from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

from tools.dependency_audit.audit_error import AuditError


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditedPackage:
    name: str
    version: Version
    origin: str

    @classmethod
    def parse(cls, *, name: str, version: str, origin: str) -> "AuditedPackage":
        try:
            return cls(name=name, version=Version(version), origin=origin)
        except InvalidVersion as error:
            raise AuditError(f"{origin}: {name} {version!r} is not a PEP 440 version") from error

    def __str__(self) -> str:
        return f"{self.name} {self.version} ({self.origin})"
