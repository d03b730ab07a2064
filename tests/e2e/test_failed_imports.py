from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import audit_types_for, has_audits_for, has_results_for, results_for
from tests.e2e.import_request import (
    ImportRequest,
    file_source,
    importer_authorization,
    inline_source,
)
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import WorkerProcess

pytestmark = pytest.mark.e2e

DATASET = "failed"
EXPECTED_CODES = {
    "missing-file": "source_not_found",
    "outside-roots": "source_forbidden",
    "bad-encoding": "invalid_encoding",
    "missing-key-column": "missing_columns",
    "inline-too-large": "source_too_large",
    "stray-quote": "source_unreadable",
    "duplicate-header": "source_unreadable",
}
CASES = list(EXPECTED_CODES)
INLINE_LIMIT_BYTES = 1024 * 1024
WAIT_SECONDS = 30.0


@dataclass(frozen=True, slots=True, kw_only=True)
class FailedOutcome:
    results: list[ReceivedMessage]
    audits: list[ReceivedMessage]

    def result(self, case: str) -> dict[str, Any]:
        return results_for(self.results, _import_id(case))[0]


def _import_id(case: str) -> str:
    return f"failed-{case}"


def _sources(allowed_root: Path, outside_root: Path) -> dict[str, dict[str, Any]]:
    bad_encoding = allowed_root / "bad-encoding.csv"
    bad_encoding.write_bytes(b"id,name\n1,Ada\n2,Grace\n3,caf\xe9\n4,Alan\n")
    outside = outside_root / "outside.csv"
    outside.write_text("id,name\n1,Ada\n", encoding="utf-8")
    oversized = "id,name\n" + "1,x\n" * (INLINE_LIMIT_BYTES // 4 + 1)
    return {
        "missing-file": file_source(allowed_root / "does-not-exist.csv"),
        "outside-roots": file_source(outside),
        "bad-encoding": file_source(bad_encoding),
        "missing-key-column": inline_source("name,age\nAda,36\n"),
        "inline-too-large": inline_source(oversized),
        "stray-quote": inline_source('id,name\n1,x"y\n'),
        "duplicate-header": inline_source("id,name,name\n1,Ada,Grace\n"),
    }


@pytest.fixture(scope="module")
def failed(
    running_worker: WorkerProcess,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    allowed_root: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> FailedOutcome:
    sources = _sources(allowed_root, tmp_path_factory.mktemp("outside-root"))
    for case, source in sources.items():
        request_publisher.publish(_request(case, source))
    import_ids = [_import_id(case) for case in CASES]
    return FailedOutcome(
        results=event_inbox.results.wait_until(
            has_results_for(import_ids), timeout_seconds=WAIT_SECONDS
        ),
        audits=event_inbox.audits.wait_until(
            has_audits_for(import_ids, each=1), timeout_seconds=WAIT_SECONDS
        ),
    )


def _request(case: str, source: dict[str, Any]) -> ImportRequest:
    return ImportRequest(
        import_id=_import_id(case),
        dataset=DATASET,
        source=source,
        authorization=importer_authorization(),
        key_columns=("id",),
    )


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_should_answer_a_source_problem_with_import_failed(
    case: str, failed: FailedOutcome
) -> None:
    result = failed.result(case)

    assert result["event_type"] == "ImportFailed"


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_should_fail_import_with_the_error_code_of_its_cause(
    case: str, failed: FailedOutcome
) -> None:
    result = failed.result(case)

    assert result["error"]["code"] == EXPECTED_CODES[case]


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_should_audit_failed_import_once_as_failed(case: str, failed: FailedOutcome) -> None:
    assert audit_types_for(failed.audits, _import_id(case)) == ["import.failed"]


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_should_explain_the_failure_in_the_error_message(case: str, failed: FailedOutcome) -> None:
    assert failed.result(case)["error"]["message"] != ""


def test_should_mark_every_failure_audit_with_outcome_failure(failed: FailedOutcome) -> None:
    outcomes = {message.body()["outcome"] for message in failed.audits}

    assert outcomes == {"failure"}


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_should_name_the_error_code_in_the_failure_audit(case: str, failed: FailedOutcome) -> None:
    audits = [message.body() for message in failed.audits]

    details = [a["details"] for a in audits if a["resource"]["import_id"] == _import_id(case)]

    assert details == [{"error_code": EXPECTED_CODES[case]}]


def test_should_store_no_records_for_failed_imports(
    failed: FailedOutcome, e2e_schema: PostgresSchema
) -> None:
    assert e2e_schema.count_records(DATASET) == 0


def test_should_name_the_repeated_column_of_the_header(failed: FailedOutcome) -> None:
    message = failed.result("duplicate-header")["error"]["message"]

    assert message == "the header names the column 'name' more than once"


def test_should_not_reveal_the_missing_path_outside_the_roots(failed: FailedOutcome) -> None:
    assert "outside.csv" not in failed.result("outside-roots")["error"]["message"]
