import re
from dataclasses import dataclass

from shared.configuration import VAULT_REFERENCE_PREFIX
from shared.configuration_error import ConfigurationError

REFERENCE = re.compile(r"vault:(?P<mount>[^/#]+)/(?P<path>[^#]+)#(?P<field>.+)")


@dataclass(frozen=True, slots=True, kw_only=True)
class VaultReference:
    """`vault:<mount>/<path>#<field>`: one field of a secret in a KV version 2 engine."""

    mount: str
    path: str
    field: str

    @staticmethod
    def is_reference(value: str) -> bool:
        return value.startswith(VAULT_REFERENCE_PREFIX)

    @classmethod
    def parse(cls, variable: str, value: str) -> "VaultReference":
        found = REFERENCE.fullmatch(value)
        if found is None:
            raise ConfigurationError(
                f"{variable}: a Vault reference reads vault:<mount>/<path>#<field>"
            )
        return cls(mount=found["mount"], path=found["path"], field=found["field"])

    def __str__(self) -> str:
        return f"{VAULT_REFERENCE_PREFIX}{self.mount}/{self.path}#{self.field}"
