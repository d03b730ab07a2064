from collections.abc import Callable
from typing import Any

import hvac
import pytest

from tests.contract.worker.vault_pact import (
    APPROLE_LOGIN,
    DATABASE_CREDENTIALS,
    KUBERNETES_LOGIN,
    KV_SECRET,
    LEASE_ID,
    LEASE_RENEWAL,
    SECRET,
    SERVICE_ACCOUNT_JWT,
    TOKEN,
    VAULT_PACT,
)

Call = Callable[[hvac.Client], Any]


def database_credentials(engine: Any) -> Any:
    return engine.generate_credentials(name="import-worker")


def renewed(system: Any) -> Any:
    return system.renew_lease(lease_id=LEASE_ID, increment=3600)


CALLS: dict[str, tuple[Call, Any]] = {
    KV_SECRET: (
        lambda client: client.secrets.kv.v2.read_secret_version(
            path="import-worker", mount_point="secret", raise_on_deleted_version=True
        )["data"]["data"]["jwt_secret"],
        SECRET,
    ),
    APPROLE_LOGIN: (
        lambda client: client.auth.approle.login(
            role_id="import-worker-role", secret_id="import-worker-secret-id"
        )["auth"]["client_token"],
        TOKEN,
    ),
    KUBERNETES_LOGIN: (
        lambda client: client.auth.kubernetes.login(role="import-worker", jwt=SERVICE_ACCOUNT_JWT)[
            "auth"
        ]["client_token"],
        TOKEN,
    ),
    DATABASE_CREDENTIALS: (
        lambda client: database_credentials(client.secrets.database)["lease_id"],
        LEASE_ID,
    ),
    LEASE_RENEWAL: (lambda client: renewed(client.sys)["lease_id"], LEASE_ID),
}


@pytest.mark.parametrize("description", list(VAULT_PACT.interactions))
def test_should_read_what_vault_answers_to_the_call_hvac_makes(description: str) -> None:
    call, expected = CALLS[description]
    with VAULT_PACT.pact(description).serve(addr="127.0.0.1") as vault:
        answered = call(hvac.Client(url=str(vault.url), token=TOKEN))

    assert answered == expected
