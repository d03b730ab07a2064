import secrets
import uuid
from typing import Any

from tests.support.vault_state import Lease, VaultRefusal, VaultState

Answer = tuple[int, dict[str, Any] | None]


def envelope(**fields: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "request_id": str(uuid.uuid4()),
        "lease_id": "",
        "renewable": False,
        "lease_duration": 0,
        "data": None,
        "wrap_info": None,
        "warnings": None,
        "auth": None,
    }
    return {**document, **fields}


def auth_of(state: VaultState, token: str) -> dict[str, Any]:
    lease = state.tokens[token]
    return {
        "client_token": token,
        "accessor": str(uuid.uuid4()),
        "policies": ["default", "import-worker"],
        "token_policies": ["default", "import-worker"],
        "metadata": None,
        "lease_duration": int(lease.ttl),
        "renewable": lease.renewable,
        "entity_id": "",
        "token_type": "service",
        "orphan": True,
    }


def approle_login(state: VaultState, body: dict[str, Any]) -> Answer:
    if not body.get("role_id"):
        raise VaultRefusal(400, "missing role_id")
    if state.approles.get(body["role_id"]) != body.get("secret_id"):
        raise VaultRefusal(400, "invalid role or secret ID")
    return 200, envelope(auth=auth_of(state, state.issue_token()))


def kubernetes_login(state: VaultState, body: dict[str, Any]) -> Answer:
    role = body.get("role", "")
    if role not in state.kubernetes_roles:
        raise VaultRefusal(400, f'invalid role name "{role}"')
    if state.kubernetes_roles[role] != body.get("jwt"):
        raise VaultRefusal(403, "permission denied")
    return 200, envelope(auth=auth_of(state, state.issue_token()))


def lookup_self(state: VaultState, token: Lease) -> Answer:
    remaining = 0 if token.ttl == 0 else max(0, int(token.expires_at - state.clock()))
    data = {
        "accessor": str(uuid.uuid4()),
        "creation_ttl": int(token.ttl),
        "display_name": "token",
        "explicit_max_ttl": 0,
        "id": token.lease_id,
        "meta": None,
        "num_uses": 0,
        "orphan": True,
        "path": "auth/token/create",
        "policies": ["default", "import-worker"],
        "renewable": token.renewable,
        "ttl": remaining,
        "type": "service",
    }
    return 200, envelope(data=data)


def renew_self(state: VaultState, token: Lease, body: dict[str, Any]) -> Answer:
    if not token.renewable or token.ttl == 0:
        raise VaultRefusal(400, "lease is not renewable")
    token.extended(float(body.get("increment") or 0), state.clock())
    token.ttl = token.expires_at - state.clock()
    return 200, envelope(auth=auth_of(state, token.lease_id))


def kv_read(state: VaultState, mount: str, path: str) -> Answer:
    if mount not in state.kv:
        raise VaultRefusal(
            404, f'no handler for route "{mount}/data/{path}". route entry not found.'
        )
    if path not in state.kv[mount]:
        raise VaultRefusal(404)
    metadata = {
        "created_time": "2024-05-01T12:00:00.000000000Z",
        "custom_metadata": None,
        "deletion_time": "",
        "destroyed": False,
        "version": 1,
    }
    return 200, envelope(data={"data": state.kv[mount][path], "metadata": metadata})


def database_creds(state: VaultState, token: Lease, role: str) -> Answer:
    if role not in state.database_roles:
        raise VaultRefusal(400, f"unknown role: {role}")
    settings = state.database_roles[role]
    username = f"v-approle-{role[:10]}-{secrets.token_hex(6)}"
    password = f"A1a-{secrets.token_urlsafe(15)}"
    if state.accounts is not None:
        state.accounts.create(username, password, seconds=settings.default_ttl)
    now = state.clock()
    lease = Lease(
        lease_id=f"database/creds/{role}/{secrets.token_urlsafe(18)}",
        ttl=settings.default_ttl,
        max_ttl=settings.max_ttl,
        issued_at=now,
        expires_at=now + settings.default_ttl,
        token=token.lease_id,
        username=username,
    )
    state.leases[lease.lease_id] = lease
    data = {"username": username, "password": password}
    return 200, envelope(
        lease_id=lease.lease_id, renewable=True, lease_duration=int(lease.ttl), data=data
    )


def renew_lease(state: VaultState, body: dict[str, Any]) -> Answer:
    lease = state.leases.get(body.get("lease_id", ""))
    if lease is None:
        raise VaultRefusal(400, "lease not found")
    requested = float(body.get("increment") or 0)
    granted = lease.extended(requested, state.clock())
    if granted <= 0:
        raise VaultRefusal(400, "lease expired")
    state.extend_account(lease.username, seconds=granted)
    return 200, envelope(
        lease_id=lease.lease_id,
        renewable=True,
        lease_duration=int(granted),
        warnings=_capped(requested, granted),
    )


def _capped(requested: float, granted: float) -> list[str] | None:
    if not requested or granted >= requested:
        return None
    return [
        f'TTL of "{int(requested)}s" exceeded the effective max_ttl of'
        f' "{int(granted)}s"; TTL value is capped accordingly'
    ]


def revoke_lease(state: VaultState, body: dict[str, Any]) -> Answer:
    state.revoke(body.get("lease_id", ""))
    return 204, None
