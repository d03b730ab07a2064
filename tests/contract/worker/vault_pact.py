from typing import Any

from pact import Pact, match

from tests.contract.pact_documents import Interaction, PactDocument

TOKEN = "hvs.worker-token"
ROLE = "import-worker"
APPROLE_ROLE_ID = "import-worker-role"
APPROLE_SECRET_ID = "import-worker-secret-id"
KV_REFERENCE = "vault:secret/import-worker#jwt_secret"
LEASE_ID = "database/creds/import-worker/0f3b7c2e"
SECRET = "a-shared-secret-of-at-least-32-bytes!"
SERVICE_ACCOUNT_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2ln"
TTL_SECONDS = 3600
VALID_TOKEN = f"the token {TOKEN} is valid and renewable"
LEASED = f"the lease {LEASE_ID} is renewable"


def _exchange(
    given: str,
    method: str,
    path: str,
    *,
    body: dict[str, Any] | None = None,
    status: int = 200,
    response: dict[str, Any] | None = None,
    with_token: bool = True,
) -> Interaction:
    def interaction(pact: Pact, description: str) -> None:
        request = pact.upon_receiving(description).given(given).with_request(method, path)
        if with_token:
            request.with_header("X-Vault-Token", TOKEN)
        if body is not None:
            request.with_body(body, content_type="application/json")
        answer = request.will_respond_with(status)
        if response is not None:
            answer.with_body(response, content_type="application/json")

    return interaction


def _login(given: str, path: str, body: dict[str, Any]) -> Interaction:
    auth = {
        "client_token": match.str(TOKEN),
        "lease_duration": match.int(TTL_SECONDS),
        "renewable": match.bool(True),
    }
    return _exchange(given, "POST", path, body=body, response={"auth": auth}, with_token=False)


def _health(given: str, status: int) -> Interaction:
    return _exchange(given, "GET", "/v1/sys/health", status=status, with_token=False)


TOKEN_LOOKUP = "a lookup of the worker's own token"
TOKEN_RENEWAL = "a renewal of the worker's own token"
APPROLE_LOGIN = "an AppRole login"
KUBERNETES_LOGIN = "a Kubernetes login with the pod's service-account token"
KV_SECRET = "a read of a KV version 2 secret"
DATABASE_CREDENTIALS = "a request for database credentials"
LEASE_RENEWAL = "a renewal of the database credentials' lease"
LEASE_REVOCATION = "a revocation of the database credentials' lease"
ACTIVE_HEALTH = "a health check of an active node"
STANDBY_HEALTH = "a health check of a standby node"
SEALED_HEALTH = "a health check of a sealed node"
VAULT_PACT = PactDocument(
    consumer="import-worker",
    provider="vault",
    interactions={
        TOKEN_LOOKUP: _exchange(
            VALID_TOKEN,
            "GET",
            "/v1/auth/token/lookup-self",
            response={"data": {"ttl": match.int(TTL_SECONDS), "renewable": match.bool(True)}},
        ),
        TOKEN_RENEWAL: _exchange(
            VALID_TOKEN,
            "POST",
            "/v1/auth/token/renew-self",
            body={"increment": TTL_SECONDS},
            response={"auth": {"lease_duration": match.int(TTL_SECONDS)}},
        ),
        APPROLE_LOGIN: _login(
            f"the AppRole {ROLE} exists",
            "/v1/auth/approle/login",
            {"role_id": APPROLE_ROLE_ID, "secret_id": APPROLE_SECRET_ID},
        ),
        KUBERNETES_LOGIN: _login(
            f"the Kubernetes role {ROLE} exists",
            "/v1/auth/kubernetes/login",
            {"role": ROLE, "jwt": SERVICE_ACCOUNT_JWT},
        ),
        KV_SECRET: _exchange(
            "secret/import-worker holds jwt_secret",
            "GET",
            "/v1/secret/data/import-worker",
            response={"data": {"data": {"jwt_secret": match.str(SECRET)}}},
        ),
        DATABASE_CREDENTIALS: _exchange(
            f"the database role {ROLE} exists",
            "GET",
            f"/v1/database/creds/{ROLE}",
            response={
                "lease_id": match.str(LEASE_ID),
                "lease_duration": match.int(TTL_SECONDS),
                "renewable": match.bool(True),
                "data": {"username": match.str("v-import-worker-x1"), "password": match.str("pw")},
            },
        ),
        LEASE_RENEWAL: _exchange(
            LEASED,
            "PUT",
            "/v1/sys/leases/renew",
            body={"lease_id": LEASE_ID, "increment": TTL_SECONDS},
            response={"lease_duration": match.int(TTL_SECONDS)},
        ),
        LEASE_REVOCATION: _exchange(
            LEASED, "PUT", "/v1/sys/leases/revoke", body={"lease_id": LEASE_ID}, status=204
        ),
        ACTIVE_HEALTH: _health("Vault is unsealed and this node is active", 200),
        STANDBY_HEALTH: _health("Vault is unsealed and this node is a standby", 429),
        SEALED_HEALTH: _health("Vault is sealed", 503),
    },
)
