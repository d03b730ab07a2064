from collections.abc import Mapping
from typing import Any

from pact import Pact, match

from tests.contract.pact_documents import Interaction, PactDocument
from tests.contract.wire_matchers import event_id, import_id, timestamp, traceparent

COMPLETED = "an import of people completed with one rejected row"
FAILED = "an import of people failed because its source lacks the key column"
UNAUTHENTICATED = "a request without a token was refused"
DEAD_LETTERED = "a message that is not JSON was dead-lettered"
RECORD_READ = "an operator read a stored record of people"
ADA = {"subject": match.str("ada")}
TRACED = {
    "correlation_id": match.str("corr-7301"),
    "traceparent": traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
}
UNTRACED = {"correlation_id": match.str("a7c1e0d2-5f0b-4c8e-9a51-0e6f3b2d4c18")}


def _audit(
    given: str,
    event_type: str,
    outcome: str,
    attributes: Mapping[str, object] = TRACED,
    **body: Any,
) -> Interaction:
    def interaction(pact: Pact, description: str) -> None:
        (
            pact.upon_receiving(description, "Async")
            .given(given)
            .with_body(
                {
                    "event_id": event_id("bd14e604-c211-5589-a1a3-f503d48f2d6e"),
                    "occurred_at": timestamp("2026-05-04T09:30:00.500000+00:00"),
                    "outcome": outcome,
                    **body,
                },
                content_type="application/json",
            )
            .with_metadata(dict(attributes), event_type=event_type)
        )

    return interaction


def _resource(example: str | None) -> dict[str, Any]:
    return {"import_id": None if example is None else import_id(example)}


AUDIT_SUBSCRIBER_PACT = PactDocument(
    consumer="audit-trail-subscriber",
    provider="import-worker",
    interactions={
        "an import.requested audit event": _audit(
            COMPLETED,
            "import.requested",
            "success",
            actor=ADA,
            resource=_resource("people-2026-05-04"),
        ),
        "an import.completed audit event": _audit(
            COMPLETED,
            "import.completed",
            "success",
            actor=ADA,
            resource=_resource("people-2026-05-04"),
        ),
        "an import.failed audit event": _audit(
            FAILED, "import.failed", "failure", actor=ADA, resource=_resource("people-2026-05-05")
        ),
        "an import.denied audit event of a request without a token": _audit(
            UNAUTHENTICATED,
            "import.denied",
            "denied",
            actor=None,
            resource=_resource("people-2026-05-07"),
        ),
        "a message.dead_lettered audit event": _audit(
            DEAD_LETTERED, "message.dead_lettered", "failure", actor=None, resource=_resource(None)
        ),
        "a records.read audit event, which carries no trace context": _audit(
            RECORD_READ,
            "records.read",
            "success",
            UNTRACED,
            actor={"subject": match.str("olga")},
            resource=_resource("people-2026-05-04"),
        ),
    },
)
