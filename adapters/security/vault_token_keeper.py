import math
import time
from collections.abc import Callable

from adapters.security.hvac_vault_client import HvacVaultClient
from adapters.security.vault_lease import VaultLease
from adapters.security.vault_refused_error import VaultRefusedError


class VaultTokenKeeper:
    """Keeps the worker's own Vault token alive: renewed when a third of its TTL is left, and
    replaced by a new login when Vault refuses or caps the renewal short (its max TTL)."""

    def __init__(
        self, vault: HvacVaultClient, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._vault = vault
        self._clock = clock

    def maintain(self) -> float:
        """Does what is due; returns when to come back (never, for a token without TTL)."""
        token = self._vault.token()
        if token.expires and self._clock() >= token.renew_at:
            token = self._renewed_or_new(token)
        return token.renew_at if token.expires else math.inf

    def _renewed_or_new(self, token: VaultLease) -> VaultLease:
        if token.renewable:
            try:
                renewed = self._vault.renew_token()
            except VaultRefusedError:
                return self._vault.login()
            if renewed.renew_at > self._clock():
                return renewed
        return self._vault.login()
