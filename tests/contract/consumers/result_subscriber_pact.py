from typing import Any

from pact import Pact, match

from tests.contract.pact_documents import Interaction, PactDocument
from tests.contract.wire_matchers import dataset, error_code, event_id, import_id

COMPLETED = "an import of people completed with one rejected row"
FAILED = "an import of people failed because its source lacks the key column"
REFUSED = "a request of a subject who may not import was refused"


def _attributes(event_type: str, example_import_id: str) -> dict[str, Any]:
    return {
        "event_type": event_type,
        "import_id": import_id(example_import_id),
        "dataset": dataset("people"),
        "schema_version": "1",
    }


def completed(pact: Pact, description: str) -> None:
    (
        pact.upon_receiving(description, "Async")
        .given(COMPLETED)
        .with_body(
            {
                "event_id": event_id("e530c2f2-4ae5-5ce0-8cb2-bf7c34acec47"),
                "rows_imported": match.int(1),
                "rows_rejected": match.int(1),
                "rejections": match.each_like(
                    {"row": match.int(2), "reason": match.str("not an integer")}
                ),
                "error": None,
            },
            content_type="application/json",
        )
        .with_metadata(_attributes("ImportCompleted", "people-2026-05-04"))
    )


def _ended_in_error(event_type: str, given: str, code: str, example_import_id: str) -> Interaction:
    def interaction(pact: Pact, description: str) -> None:
        (
            pact.upon_receiving(description, "Async")
            .given(given)
            .with_body(
                {
                    "event_id": event_id("8b560aea-4638-50e0-9620-6cc70fa7417d"),
                    "rows_imported": 0,
                    "rows_rejected": 0,
                    "rejections": [],
                    "error": {"code": error_code(code), "message": match.str("why")},
                },
                content_type="application/json",
            )
            .with_metadata(_attributes(event_type, example_import_id))
        )

    return interaction


RESULT_SUBSCRIBER_PACT = PactDocument(
    consumer="import-results-subscriber",
    provider="import-worker",
    interactions={
        "an ImportCompleted result event": completed,
        "an ImportFailed result event": _ended_in_error(
            "ImportFailed", FAILED, "missing_columns", "people-2026-05-05"
        ),
        "an ImportRejected result event": _ended_in_error(
            "ImportRejected", REFUSED, "forbidden", "people-2026-05-06"
        ),
    },
)
