import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import hvac
import requests
from hvac import exceptions

from adapters.security.vault_failures import vault_errors
from adapters.security.vault_lease import VaultLease
from adapters.security.vault_login import VaultLogin
from adapters.security.vault_refused_error import VaultRefusedError
from shared.resilience.dependency_policy import DependencyPolicy

SERVING = frozenset({200, 429, 473})
Result = TypeVar("Result")


@dataclass(frozen=True, slots=True, kw_only=True)
class LeasedLogin:
    user: str
    password: str = field(repr=False)
    lease: VaultLease


class HvacVaultClient:
    """The Vault HTTP calls the worker makes, through hvac. It logs in on first use; refusals
    raise VaultRefusedError, every other failure DependencyUnavailableError. Given the vault
    policy, each call is retried on an outage and counted by its breaker; hvac and requests
    retry nothing themselves."""

    def __init__(
        self,
        *,
        address: str,
        login: VaultLogin,
        verify: str | bool = True,
        timeout_seconds: int = 10,
        clock: Callable[[], float] = time.monotonic,
        policy: DependencyPolicy | None = None,
    ) -> None:
        self._address = address.rstrip("/")
        self._verify = verify
        self._client = hvac.Client(
            url=address, token="", verify=verify, timeout=timeout_seconds  # nosec B106
        )
        self._login = login
        self._clock = clock
        self._policy = policy
        self._lock = threading.RLock()
        self._token: VaultLease | None = None
        self.token_serial = 0

    def token(self) -> VaultLease:
        with self._lock:
            return self._token or self.login()

    def login(self) -> VaultLease:
        return self._guarded(self._log_in)

    def _log_in(self) -> VaultLease:
        with self._lock, vault_errors("log in"):
            previous = self._client.token
            self._token = self._login(self._client, self._clock())
            self.token_serial += self._client.token != previous
            return self._token

    def renew_token(self) -> VaultLease:
        with self._lock:
            token = self.token()
            auth = self._call(
                "renew its token",
                lambda: self._client.auth.token.renew_self(increment=int(token.duration_seconds)),
            )
            self._token = token.renewed(auth["auth"]["lease_duration"], now=self._clock())
            return self._token

    def read_secret(self, mount: str, path: str) -> Mapping[str, Any]:
        response = self._call(
            f"read {mount}/{path}",
            lambda: self._client.secrets.kv.v2.read_secret_version(
                path=path, mount_point=mount, raise_on_deleted_version=True
            ),
        )
        with vault_errors(f"read {mount}/{path}"):
            data: Mapping[str, Any] = response["data"]["data"]
            return data

    def database_login(self, role: str) -> LeasedLogin:
        action = f"lease database credentials of role {role}"
        response = self._call(
            action, lambda: self._client.secrets.database.generate_credentials(name=role)
        )
        with vault_errors(action):
            lease = VaultLease.granted(
                response["lease_id"],
                duration_seconds=response["lease_duration"],
                renewable=response["renewable"],
                now=self._clock(),
            )
            data = response["data"]
            return LeasedLogin(user=data["username"], password=data["password"], lease=lease)

    def renew_lease(self, lease: VaultLease) -> VaultLease:
        response = self._call(
            "renew a lease",
            lambda: self._client.sys.renew_lease(
                lease_id=lease.lease_id, increment=int(lease.duration_seconds)
            ),
        )
        with vault_errors("renew a lease"):
            return lease.renewed(response["lease_duration"], now=self._clock())

    def revoke_lease(self, lease: VaultLease) -> None:
        self._call("revoke a lease", lambda: self._client.sys.revoke_lease(lease_id=lease.lease_id))

    def _call(self, action: str, request: Callable[[], Any]) -> Any:
        return self._guarded(lambda: self._authenticated(action, request))

    def _authenticated(self, action: str, request: Callable[[], Any]) -> Any:
        """One authenticated request; a token Vault no longer accepts (403) is replaced by a new
        login, and the request made once more."""
        with self._lock:
            if self._token is None:
                self._log_in()
            try:
                with vault_errors(action):
                    return request()
            except VaultRefusedError as refused:
                if not isinstance(refused.__cause__, exceptions.Forbidden):
                    raise
            self._log_in()
            with vault_errors(action):
                return request()

    def _guarded(self, call: Callable[[], Result]) -> Result:
        return call() if self._policy is None else self._policy.call(call)

    def is_serving(self, *, timeout_seconds: float) -> bool:
        """sys/health, unauthenticated, on a connection of its own: active or standby."""
        try:
            answer = requests.get(
                f"{self._address}/v1/sys/health", timeout=timeout_seconds, verify=self._verify
            )
        except requests.RequestException:
            return False
        return answer.status_code in SERVING
