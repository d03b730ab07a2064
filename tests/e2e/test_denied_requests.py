from dataclasses import dataclass
from typing import Any

import pytest

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import audit_types_for, has_audits_for, has_results_for, results_for
from tests.e2e.import_request import ImportRequest, inline_source
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.tokens import FORGED_SECRET, WRONG_ISSUER, bearer, signed_token, unsigned_token
from tests.e2e.worker_process import WorkerProcess

pytestmark = pytest.mark.e2e

DATASET = "denied"
UNAUTHENTICATED = ["missing", "forged", "expired", "wrong-issuer", "alg-none", "malformed"]
CASES = [*UNAUTHENTICATED, "viewer"]
VIEWER = "e2e-viewer"
WAIT_SECONDS = 30.0


def _authorizations() -> dict[str, str | None]:
    importer = ["importer"]
    return {
        "missing": None,
        "forged": bearer(signed_token(subject="e2e-forger", roles=importer, secret=FORGED_SECRET)),
        "expired": bearer(
            signed_token(subject="e2e-late", roles=importer, expires_in_seconds=-3600)
        ),
        "wrong-issuer": bearer(
            signed_token(subject="e2e-other", roles=importer, issuer=WRONG_ISSUER)
        ),
        "alg-none": bearer(unsigned_token(subject="e2e-unsigned", roles=importer)),
        "malformed": "Bearer not-a-jwt",
        "viewer": bearer(signed_token(subject=VIEWER, roles=["viewer"])),
    }


@dataclass(frozen=True, slots=True, kw_only=True)
class DeniedOutcome:
    results: list[ReceivedMessage]
    audits: list[ReceivedMessage]
    tokens: list[str]

    def result(self, case: str) -> dict[str, Any]:
        return results_for(self.results, _import_id(case))[0]


def _import_id(case: str) -> str:
    return f"denied-{case}"


@pytest.fixture(scope="module")
def denied(
    running_worker: WorkerProcess, request_publisher: RequestPublisher, event_inbox: EventInbox
) -> DeniedOutcome:
    authorizations = _authorizations()
    for case, authorization in authorizations.items():
        request_publisher.publish(_request(case, authorization))
    import_ids = [_import_id(case) for case in CASES]
    results = event_inbox.results.wait_until(
        has_results_for(import_ids), timeout_seconds=WAIT_SECONDS
    )
    audits = event_inbox.audits.wait_until(
        has_audits_for(import_ids, each=1), timeout_seconds=WAIT_SECONDS
    )
    tokens = [value.removeprefix("Bearer ") for value in authorizations.values() if value]
    return DeniedOutcome(results=results, audits=audits, tokens=tokens)


def _request(case: str, authorization: str | None) -> ImportRequest:
    return ImportRequest(
        import_id=_import_id(case),
        dataset=DATASET,
        source=inline_source("id,name\n1,Ada\n"),
        authorization=authorization,
        correlation_id=f"correlation-{_import_id(case)}",
    )


@pytest.mark.parametrize("case", UNAUTHENTICATED, ids=UNAUTHENTICATED)
def test_should_answer_a_request_without_a_valid_token_with_import_rejected(
    case: str, denied: DeniedOutcome
) -> None:
    result = denied.result(case)

    assert result["event_type"] == "ImportRejected"


@pytest.mark.parametrize("case", UNAUTHENTICATED, ids=UNAUTHENTICATED)
def test_should_reject_a_request_without_a_valid_token_as_unauthenticated(
    case: str, denied: DeniedOutcome
) -> None:
    result = denied.result(case)

    assert result["error"]["code"] == "unauthenticated"


def test_should_answer_a_viewer_with_import_rejected(denied: DeniedOutcome) -> None:
    result = denied.result("viewer")

    assert result["event_type"] == "ImportRejected"


def test_should_reject_a_viewer_as_forbidden(denied: DeniedOutcome) -> None:
    result = denied.result("viewer")

    assert result["error"]["code"] == "forbidden"


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_should_audit_denied_request_once_as_denied(case: str, denied: DeniedOutcome) -> None:
    assert audit_types_for(denied.audits, _import_id(case)) == ["import.denied"]


def test_should_mark_every_denial_audit_with_outcome_denied(denied: DeniedOutcome) -> None:
    outcomes = {message.body()["outcome"] for message in denied.audits}

    assert outcomes == {"denied"}


def test_should_name_the_viewer_as_actor_of_the_denial(denied: DeniedOutcome) -> None:
    audits = [message.body() for message in denied.audits]

    actors = [body["actor"] for body in audits if body["resource"]["import_id"] == "denied-viewer"]

    assert actors == [{"subject": VIEWER, "roles": ["viewer"]}]


def test_should_identify_nobody_when_token_is_missing(denied: DeniedOutcome) -> None:
    audits = [message.body() for message in denied.audits]

    actors = [body["actor"] for body in audits if body["resource"]["import_id"] == "denied-missing"]

    assert actors == [None]


def test_should_store_no_records_for_denied_requests(
    denied: DeniedOutcome, e2e_schema: PostgresSchema
) -> None:
    assert e2e_schema.count_records(DATASET) == 0


def test_should_not_write_any_token_to_the_log(
    denied: DeniedOutcome, running_worker: WorkerProcess
) -> None:
    log = running_worker.log_text()

    assert [token for token in denied.tokens if token in log] == []


def test_should_not_write_any_token_to_audit_events(denied: DeniedOutcome) -> None:
    audits = b"".join(message.data for message in denied.audits).decode()

    assert [token for token in denied.tokens if token in audits] == []
