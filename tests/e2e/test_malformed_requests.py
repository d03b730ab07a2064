import json
from dataclasses import dataclass

import pytest

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import has_correlated, with_correlation
from tests.e2e.import_request import importer_authorization
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import WorkerProcess

pytestmark = pytest.mark.e2e

CASES = ["not-json", "invalid-body", "unsupported-schema-version"]
REASONS = {
    "not-json": "invalid_json",
    "invalid-body": "invalid_body",
    "unsupported-schema-version": "unsupported_schema_version",
}
VALID_BODY = {"import_id": "malformed-v2", "dataset": "malformed", "source": {"inline": "a\n1\n"}}
WAIT_SECONDS = 30.0
QUIET_SECONDS = 2.0


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishedMessage:
    data: bytes
    attributes: dict[str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class MalformedOutcome:
    published: dict[str, PublishedMessage]
    dead_letters: list[ReceivedMessage]
    audits: list[ReceivedMessage]
    results: list[ReceivedMessage]

    def dead_letter(self, case: str) -> ReceivedMessage:
        return with_correlation(self.dead_letters, _correlation_id(case))[0]


def _correlation_id(case: str) -> str:
    return f"correlation-malformed-{case}"


def _published(case: str) -> PublishedMessage:
    attributes = {
        "authorization": importer_authorization(),
        "correlation_id": _correlation_id(case),
        "schema_version": "2" if case == "unsupported-schema-version" else "1",
    }
    data = {
        "not-json": b"{not json at all",
        "invalid-body": json.dumps({"import_id": "no spaces allowed", "dataset": "X"}).encode(),
        "unsupported-schema-version": json.dumps(VALID_BODY).encode(),
    }[case]
    return PublishedMessage(data=data, attributes=attributes)


@pytest.fixture(scope="module")
def malformed(
    running_worker: WorkerProcess, request_publisher: RequestPublisher, event_inbox: EventInbox
) -> MalformedOutcome:
    published = {case: _published(case) for case in CASES}
    for message in published.values():
        request_publisher.publish_raw(message.data, message.attributes)
    correlation_ids = [_correlation_id(case) for case in CASES]
    return MalformedOutcome(
        published=published,
        dead_letters=event_inbox.dead_letters.wait_until(
            has_correlated(correlation_ids), timeout_seconds=WAIT_SECONDS
        ),
        audits=event_inbox.audits.wait_until(
            has_correlated(correlation_ids), timeout_seconds=WAIT_SECONDS
        ),
        results=event_inbox.results.collect_for(QUIET_SECONDS),
    )


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_should_republish_malformed_message_data_unchanged_to_dead_letter_topic(
    case: str, malformed: MalformedOutcome
) -> None:
    assert malformed.dead_letter(case).data == malformed.published[case].data


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_should_keep_the_original_attributes_on_the_dead_lettered_copy(
    case: str, malformed: MalformedOutcome
) -> None:
    attributes = malformed.dead_letter(case).attributes

    original = {name: attributes.get(name) for name in malformed.published[case].attributes}

    assert original == malformed.published[case].attributes


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_should_name_the_reason_on_the_dead_lettered_copy(
    case: str, malformed: MalformedOutcome
) -> None:
    assert malformed.dead_letter(case).attributes["dead_letter_reason"] == REASONS[case]


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_should_describe_the_error_on_the_dead_lettered_copy(
    case: str, malformed: MalformedOutcome
) -> None:
    assert malformed.dead_letter(case).attributes["dead_letter_error"] != ""


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_should_audit_malformed_message_as_dead_lettered(
    case: str, malformed: MalformedOutcome
) -> None:
    audits = with_correlation(malformed.audits, _correlation_id(case))

    assert [message.body()["event_type"] for message in audits] == ["message.dead_lettered"]


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_should_publish_no_result_for_malformed_message(
    case: str, malformed: MalformedOutcome
) -> None:
    assert with_correlation(malformed.results, _correlation_id(case)) == []


def test_should_publish_no_result_for_the_import_of_an_unsupported_schema_version(
    malformed: MalformedOutcome,
) -> None:
    import_ids = [message.body().get("import_id") for message in malformed.results]

    assert "malformed-v2" not in import_ids
