from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import hvac

from adapters.security.vault_lease import VaultLease
from shared.configuration_error import ConfigurationError

OWN_LOGIN_LEASE = "auth/token/self"
VaultLogin = Callable[[hvac.Client, float], VaultLease]


def token_login(token: str) -> VaultLogin:
    """VAULT_TOKEN: the token as given; lookup-self tells its TTL and whether it renews."""

    def login(client: hvac.Client, now: float) -> VaultLease:
        client.token = token
        data = client.auth.token.lookup_self()["data"]
        return VaultLease.granted(
            OWN_LOGIN_LEASE, duration_seconds=data["ttl"], renewable=data["renewable"], now=now
        )

    return login


def approle_login(role_id: str, secret_id: str) -> VaultLogin:
    def login(client: hvac.Client, now: float) -> VaultLease:
        return _token_of(client.auth.approle.login(role_id=role_id, secret_id=secret_id), now)

    return login


def kubernetes_login(role: str, token_path: Path) -> VaultLogin:
    """The service-account token is read at each login: Kubernetes rotates it."""

    def login(client: hvac.Client, now: float) -> VaultLease:
        return _token_of(client.auth.kubernetes.login(role=role, jwt=_jwt(token_path)), now)

    return login


def _jwt(token_path: Path) -> str:
    try:
        return token_path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigurationError(
            f"VAULT_KUBERNETES_TOKEN_PATH: cannot read the service-account token {token_path}"
        ) from error


def _token_of(response: Mapping[str, Any], now: float) -> VaultLease:
    auth = response["auth"]
    return VaultLease.granted(
        OWN_LOGIN_LEASE,
        duration_seconds=auth["lease_duration"],
        renewable=auth["renewable"],
        now=now,
    )
