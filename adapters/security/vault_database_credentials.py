import logging
import threading
import time
from collections import Counter
from collections.abc import Callable

from adapters.security.hvac_vault_client import HvacVaultClient, LeasedLogin
from adapters.security.vault_lease import VaultLease
from adapters.security.vault_refused_error import VaultRefusedError
from application.errors import DependencyUnavailableError
from application.ports.database_credentials import DatabaseCredentials, DatabaseLogin

logger = logging.getLogger(__name__)


class VaultDatabaseCredentials(DatabaseCredentials):
    """PostgreSQL logins leased from Vault's database secrets engine (`database/creds/<role>`).
    `maintain` renews the lease when a third of it is left; when Vault refuses, caps the renewal
    short, or the token that leased it was replaced, it leases new credentials, which new
    connections use. A superseded lease is revoked once no connection holds it."""

    def __init__(
        self, vault: HvacVaultClient, *, role: str, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._vault = vault
        self._role = role
        self._clock = clock
        self._state = threading.Lock()
        self._maintaining = threading.Lock()
        self._current: LeasedLogin | None = None
        self._token_serial = -1
        self._holders: Counter[str] = Counter()
        self._superseded: dict[str, VaultLease] = {}

    def acquire(self) -> DatabaseLogin:
        current = self._current
        if current is None or current.lease.expired(self._clock()):
            current = self._first_or_after_loss()
        with self._state:
            self._holders[current.lease.lease_id] += 1
        return DatabaseLogin(
            user=current.user, password=current.password, lease=current.lease.lease_id
        )

    def _first_or_after_loss(self) -> LeasedLogin:
        """A refusal here leaves the store unavailable, like any other missing login."""
        with self._maintaining:
            current = self._current
            if current is None or current.lease.expired(self._clock()):
                try:
                    current = self._leased_anew()
                except VaultRefusedError as refused:
                    raise DependencyUnavailableError(str(refused)) from refused
            return current

    def is_current(self, login: DatabaseLogin) -> bool:
        current = self._current
        return (
            current is not None
            and current.lease.lease_id == login.lease
            and not current.lease.expired(self._clock())
        )

    def release(self, login: DatabaseLogin) -> None:
        with self._state:
            self._holders[login.lease] -= 1
            self._holders += Counter()

    def lost(self) -> bool:
        """True when the credentials in use expired and no new ones could be leased."""
        current = self._current
        return current is not None and current.lease.expired(self._clock())

    def maintain(self) -> float:
        """Does what is due; returns when to come back."""
        with self._maintaining:
            current = self._current
            if current is None or self._due(current.lease):
                current = self._renewed_or_replaced(current)
            self._revoke_released()
            return current.lease.renew_at

    def close(self) -> None:
        """Revokes every lease it still holds, as far as Vault answers."""
        with self._maintaining:
            leases = [*self._superseded.values()]
            if self._current is not None:
                leases.append(self._current.lease)
            self._current = None
            self._superseded.clear()
            for lease in leases:
                self._revoke(lease)

    def _due(self, lease: VaultLease) -> bool:
        token_replaced = self._vault.token_serial != self._token_serial
        return token_replaced or self._clock() >= lease.renew_at

    def _renewed_or_replaced(self, current: LeasedLogin | None) -> LeasedLogin:
        if current is not None and self._renewable(current.lease):
            try:
                lease = self._vault.renew_lease(current.lease)
            except VaultRefusedError:
                return self._leased_anew()
            if lease.renew_at > self._clock():
                self._current = LeasedLogin(
                    user=current.user, password=current.password, lease=lease
                )
                return self._current
        return self._leased_anew()

    def _renewable(self, lease: VaultLease) -> bool:
        return lease.renewable and self._vault.token_serial == self._token_serial

    def _leased_anew(self) -> LeasedLogin:
        leased = self._vault.database_login(self._role)
        with self._state:
            previous, self._current = self._current, leased
            self._token_serial = self._vault.token_serial
            if previous is not None:
                self._superseded[previous.lease.lease_id] = previous.lease
        return leased

    def _revoke_released(self) -> None:
        with self._state:
            released = [
                lease for lease_id, lease in self._superseded.items() if not self._holders[lease_id]
            ]
            for lease in released:
                del self._superseded[lease.lease_id]
        for lease in released:
            self._revoke(lease)

    def _revoke(self, lease: VaultLease) -> None:
        try:
            self._vault.revoke_lease(lease)
        except (DependencyUnavailableError, VaultRefusedError) as error:
            logger.warning("vault.revoke_failed", extra={"error": type(error).__name__})
