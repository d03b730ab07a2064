from argparse import Namespace
from dataclasses import dataclass

from tools.dependency_audit.audit_error import AuditError
from tools.dependency_audit.audited_package import AuditedPackage
from tools.dependency_audit.ignore_file import IgnoreFile
from tools.dependency_audit.lock_file import LockFile
from tools.dependency_audit.tool_environment import tool_packages


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditSources:
    packages: tuple[AuditedPackage, ...]
    local_projects: tuple[str, ...]
    ignore_file: IgnoreFile

    @classmethod
    def gather(cls, arguments: Namespace) -> "AuditSources":
        lock = LockFile.read(arguments.lock)
        tools = [tool_packages(arguments.uv, requirement) for requirement in arguments.tool]
        packages = lock.packages + tuple(package for listed in tools for package in listed)
        if not packages:
            raise AuditError(f"{arguments.lock}: no package to audit")
        return cls(
            packages=packages,
            local_projects=lock.local_projects,
            ignore_file=IgnoreFile.read(arguments.ignore_file),
        )

    @property
    def ignored_ids(self) -> tuple[str, ...]:
        return tuple(entry.id for entry in self.ignore_file.ignore)
