from dataclasses import dataclass

from domain.enums.user_role import UserRole


@dataclass(frozen=True, slots=True, kw_only=True)
class UserIdentity:
    subject: str
    roles: frozenset[UserRole]

    @property
    def may_import(self) -> bool:
        return any(role.may_import for role in self.roles)
