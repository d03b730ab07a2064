from enum import StrEnum


class UserRole(StrEnum):
    ADMIN = "admin"
    IMPORTER = "importer"
    VIEWER = "viewer"

    @property
    def may_import(self) -> bool:
        return self is not UserRole.VIEWER
