import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol


class VaultRefusal(Exception):
    """An answer in Vault's error format: the status and the `errors` list of its body."""

    def __init__(self, status: int, *errors: str) -> None:
        super().__init__(status, errors)
        self.status = status
        self.errors = list(errors)


class DatabaseAccounts(Protocol):
    def create(self, name: str, password: str, *, seconds: float) -> None: ...

    def extend(self, name: str, *, seconds: float) -> None: ...

    def drop(self, name: str) -> None: ...


@dataclass(slots=True, kw_only=True)
class Lease:
    lease_id: str
    ttl: float
    max_ttl: float
    issued_at: float
    expires_at: float
    renewable: bool = True
    token: str = ""
    username: str = ""

    def extended(self, increment: float, now: float) -> float:
        granted = min(increment or self.ttl, self.issued_at + self.max_ttl - now)
        self.expires_at = now + granted
        return granted


@dataclass(slots=True, kw_only=True)
class DatabaseRole:
    default_ttl: float
    max_ttl: float


@dataclass(slots=True, kw_only=True)
class VaultState:
    """What a Vault server holds, as far as the worker's calls can see it."""

    clock: Callable[[], float] = time.monotonic
    token_ttl: float = 3600
    token_max_ttl: float = 7200
    accounts: DatabaseAccounts | None = None
    approles: dict[str, str] = field(default_factory=dict)
    kubernetes_roles: dict[str, str] = field(default_factory=dict)
    kv: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    database_roles: dict[str, DatabaseRole] = field(default_factory=dict)
    tokens: dict[str, Lease] = field(default_factory=dict)
    leases: dict[str, Lease] = field(default_factory=dict)
    revoked: list[str] = field(default_factory=list)
    sealed: bool = False
    lock: threading.RLock = field(default_factory=threading.RLock)

    def issue_token(self, *, ttl: float | None = None, renewable: bool = True) -> str:
        token = f"hvs.{secrets.token_urlsafe(18)}"
        now = self.clock()
        lifetime = self.token_ttl if ttl is None else ttl
        self.tokens[token] = Lease(
            lease_id=token,
            ttl=lifetime,
            max_ttl=self.token_max_ttl if lifetime else 0,
            issued_at=now,
            expires_at=now + lifetime if lifetime else float("inf"),
            renewable=renewable,
        )
        return token

    def valid_token(self, token: str | None) -> Lease:
        self.sweep()
        if token is None or token not in self.tokens:
            raise VaultRefusal(403, "permission denied")
        return self.tokens[token]

    def sweep(self) -> None:
        """Ends what expired, as Vault's expiration manager does: a token takes its leases."""
        now = self.clock()
        self.tokens = self._live_tokens(now)
        for lease_id in self._ended_leases(now):
            self.revoke(lease_id)

    def _live_tokens(self, now: float) -> dict[str, Lease]:
        return {token: lease for token, lease in self.tokens.items() if lease.expires_at > now}

    def _ended_leases(self, now: float) -> list[str]:
        return [lease.lease_id for lease in self.leases.values() if self._ended(lease, now)]

    def _ended(self, lease: Lease, now: float) -> bool:
        return lease.expires_at <= now or lease.token not in self.tokens

    def extend_account(self, name: str, *, seconds: float) -> None:
        if self.accounts is not None:
            self.accounts.extend(name, seconds=seconds)

    def revoke(self, lease_id: str) -> None:
        lease = self.leases.pop(lease_id, None)
        if lease is None:
            return
        if self.accounts is not None:
            self.accounts.drop(lease.username)
        self.revoked.append(lease.username)
