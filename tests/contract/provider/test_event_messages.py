import pytest
from pact import Verifier

from tests.contract.consumers.audit_subscriber_pact import AUDIT_SUBSCRIBER_PACT
from tests.contract.consumers.result_subscriber_pact import RESULT_SUBSCRIBER_PACT
from tests.contract.pact_documents import PactDocument
from tests.contract.pact_verification import PASSED_ONE, only, verification
from tests.contract.provider.worker_events_provider import WorkerEventsProvider

EVENT_TYPES = {
    "an ImportCompleted result event": "ImportCompleted",
    "an ImportFailed result event": "ImportFailed",
    "an ImportRejected result event": "ImportRejected",
    "an import.requested audit event": "import.requested",
    "an import.completed audit event": "import.completed",
    "an import.failed audit event": "import.failed",
    "an import.denied audit event of a request without a token": "import.denied",
    "a message.dead_lettered audit event": "message.dead_lettered",
    "a records.read audit event, which carries no trace context": "records.read",
}
INTERACTIONS = [
    pytest.param(document, description, id=f"{document.consumer}: {description}")
    for document in (RESULT_SUBSCRIBER_PACT, AUDIT_SUBSCRIBER_PACT)
    for description in document.interactions
]


@pytest.mark.parametrize(("document", "description"), INTERACTIONS)
def test_should_publish_the_event_its_subscriber_expects(
    document: PactDocument, description: str
) -> None:
    provider = WorkerEventsProvider(EVENT_TYPES)
    verifier = (
        Verifier("import-worker").message_handler(provider.message).state_handler(provider.given)
    )

    assert verification(only(verifier, document, description)) == PASSED_ONE
