from typing import Any

from pact import Pact, match

from tests.contract.pact_documents import Interaction, PactDocument

TOKEN = "hvs.worker-token"
LEASE_ID = "database/creds/import-worker/0f3b7c2e"
SECRET = "a-shared-secret-of-at-least-32-bytes!"
SERVICE_ACCOUNT_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2ln"


def _auth(client_token: str) -> dict[str, Any]:
    return {
        "auth": {
            "client_token": match.str(client_token),
            "lease_duration": match.int(3600),
            "renewable": match.bool(True),
        }
    }


def _exchange(
    given: str, method: str, path: str, response: dict[str, Any], body: Any = None
) -> Interaction:
    def interaction(pact: Pact, description: str) -> None:
        request = pact.upon_receiving(description).given(given).with_request(method, path)
        if body is None:
            request.with_header("X-Vault-Token", TOKEN)
        else:
            request.with_body(body, content_type="application/json")
        request.will_respond_with(200).with_body(response, content_type="application/json")

    return interaction


def _renewal(pact: Pact, description: str) -> None:
    (
        pact.upon_receiving(description)
        .given(f"the lease {LEASE_ID} is renewable")
        .with_request("PUT", "/v1/sys/leases/renew")
        .with_header("X-Vault-Token", TOKEN)
        .with_body({"lease_id": LEASE_ID, "increment": 3600}, content_type="application/json")
        .will_respond_with(200)
        .with_body(
            {"lease_id": LEASE_ID, "lease_duration": match.int(3600), "renewable": True},
            content_type="application/json",
        )
    )


KV_SECRET = "a read of a KV version 2 secret"
APPROLE_LOGIN = "an AppRole login"
KUBERNETES_LOGIN = "a Kubernetes login with the pod's service-account token"
DATABASE_CREDENTIALS = "a request for database credentials"
LEASE_RENEWAL = "a renewal of the database credentials' lease"
VAULT_PACT = PactDocument(
    consumer="import-worker",
    provider="vault",
    interactions={
        KV_SECRET: _exchange(
            "secret/import-worker holds jwt_secret",
            "GET",
            "/v1/secret/data/import-worker",
            {
                "data": {
                    "data": {"jwt_secret": match.str(SECRET)},
                    "metadata": {"version": match.int(3), "deletion_time": ""},
                }
            },
        ),
        APPROLE_LOGIN: _exchange(
            "the AppRole import-worker exists",
            "POST",
            "/v1/auth/approle/login",
            _auth(TOKEN),
            body={"role_id": "import-worker-role", "secret_id": "import-worker-secret-id"},
        ),
        KUBERNETES_LOGIN: _exchange(
            "the Kubernetes role import-worker exists",
            "POST",
            "/v1/auth/kubernetes/login",
            _auth(TOKEN),
            body={"role": "import-worker", "jwt": SERVICE_ACCOUNT_JWT},
        ),
        DATABASE_CREDENTIALS: _exchange(
            "the database role import-worker exists",
            "GET",
            "/v1/database/creds/import-worker",
            {
                "lease_id": match.str(LEASE_ID),
                "lease_duration": match.int(3600),
                "renewable": match.bool(True),
                "data": {"username": match.str("v-import-worker-x1"), "password": match.str("pw")},
            },
        ),
        LEASE_RENEWAL: _renewal,
    },
)
