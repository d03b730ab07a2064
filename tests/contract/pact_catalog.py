from tests.contract.consumers.audit_subscriber_pact import AUDIT_SUBSCRIBER_PACT
from tests.contract.consumers.probe_pacts import KUBELET_PACT, PROMETHEUS_PACT
from tests.contract.consumers.result_subscriber_pact import RESULT_SUBSCRIBER_PACT
from tests.contract.pact_documents import PactDocument
from tests.contract.worker.cloud_storage_pact import CLOUD_STORAGE_PACT
from tests.contract.worker.import_requested_pact import IMPORT_REQUESTED_PACT
from tests.contract.worker.jwks_pact import JWKS_PACT
from tests.contract.worker.vault_pact import VAULT_PACT

PACT_DOCUMENTS: tuple[PactDocument, ...] = (
    IMPORT_REQUESTED_PACT,
    JWKS_PACT,
    CLOUD_STORAGE_PACT,
    VAULT_PACT,
    RESULT_SUBSCRIBER_PACT,
    AUDIT_SUBSCRIBER_PACT,
    KUBELET_PACT,
    PROMETHEUS_PACT,
)
