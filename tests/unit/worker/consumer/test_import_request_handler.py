import pytest

from adapters.messaging.ack_decision import AckDecision
from adapters.messaging.inbound_message import InboundMessage
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.unit.worker.consumer.handler_world import (
    CUSTOMERS_BODY,
    DEAD_LETTER_TOPIC,
    VIEWER_TOKEN,
    HandlerWorld,
    inbound,
)
from tests.fakes.unreachable_unit_of_work import UnreachableUnitOfWork

MALFORMED = [
    (inbound(b"{not json"), "invalid_json"),
    (inbound({"import_id": "imp-1"}), "invalid_body"),
    (inbound(CUSTOMERS_BODY, schema_version="2"), "unsupported_schema_version"),
]
MALFORMED_IDS = ["not-json", "invalid-body", "schema-version-2"]
CANCELLED_BODY = {
    "import_id": "imp-big",
    "dataset": "big",
    "source": {"inline": "id\n" + "1\n" * 20_000},
}
LARGE_BODY = {
    "import_id": "imp-large",
    "dataset": "big",
    "source": {"inline": "id\n" + "".join(f"{number}\n" for number in range(10_000))},
    "key_columns": ["id"],
}


def test_should_ack_a_valid_request(world: HandlerWorld) -> None:
    sut = world.handler()

    decision = sut(inbound())

    assert decision is AckDecision.ACK


def test_should_publish_the_completed_result_event_before_acking(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound())

    assert [(event["event_type"], event["rows_imported"]) for event in world.results()] == [
        ("ImportCompleted", 2)
    ]


def test_should_store_every_valid_row(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound())

    assert world.record_count("customers") == 2


def test_should_publish_the_requested_and_completed_audit_events(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound())

    assert world.audit_types() == ["import.requested", "import.completed"]


def test_should_publish_the_same_result_again_for_an_import_already_completed(
    world: HandlerWorld,
) -> None:
    sut = world.handler()
    sut(inbound(message_id="m-1"))

    sut(inbound(message_id="m-2"))

    assert len({event["event_id"] for event in world.results()}) == 1


def test_should_ack_a_failed_import(world: HandlerWorld) -> None:
    sut = world.handler()

    decision = sut(inbound({**CUSTOMERS_BODY, "key_columns": ["customer_no"]}))

    assert decision is AckDecision.ACK


def test_should_publish_an_import_failed_event_naming_the_missing_columns(
    world: HandlerWorld,
) -> None:
    sut = world.handler()

    sut(inbound({**CUSTOMERS_BODY, "key_columns": ["customer_no"]}))

    assert [event["error"]["code"] for event in world.results()] == ["missing_columns"]


@pytest.mark.parametrize(("message", "reason"), MALFORMED, ids=MALFORMED_IDS)
def test_should_ack_a_malformed_message(
    world: HandlerWorld, message: InboundMessage, reason: str
) -> None:
    sut = world.handler()

    decision = sut(message)

    assert decision is AckDecision.ACK


@pytest.mark.parametrize(("message", "reason"), MALFORMED, ids=MALFORMED_IDS)
def test_should_dead_letter_a_malformed_message_with_its_reason(
    world: HandlerWorld, message: InboundMessage, reason: str
) -> None:
    sut = world.handler()

    sut(message)

    assert [
        (published.topic, published.attributes["dead_letter_reason"])
        for published in world.publisher.published
        if published.topic == DEAD_LETTER_TOPIC
    ] == [(DEAD_LETTER_TOPIC, reason)]


def test_should_dead_letter_the_message_data_unchanged(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound(b"{not json"))

    assert world.publisher.published[0].data == b"{not json"


def test_should_audit_a_dead_lettered_message(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound(b"{not json"))

    assert world.audit_types() == ["message.dead_lettered"]


def test_should_publish_no_result_for_a_malformed_message(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound(b"{not json"))

    assert world.results() == []


def test_should_ack_a_request_without_a_token(world: HandlerWorld) -> None:
    sut = world.handler()

    decision = sut(inbound(authorization=None))

    assert decision is AckDecision.ACK


@pytest.mark.parametrize(
    ("authorization", "code"),
    [
        (None, "unauthenticated"),
        ("Bearer forged-token", "unauthenticated"),
        (f"Bearer {VIEWER_TOKEN}", "forbidden"),
    ],
    ids=["missing-token", "unknown-token", "viewer-role"],
)
def test_should_publish_an_import_rejected_event_with_the_denial_code(
    world: HandlerWorld, authorization: str | None, code: str
) -> None:
    sut = world.handler()

    sut(inbound(authorization=authorization))

    assert [(event["event_type"], event["error"]["code"]) for event in world.results()] == [
        ("ImportRejected", code)
    ]


def test_should_store_nothing_for_a_rejected_request(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound(authorization=f"Bearer {VIEWER_TOKEN}"))

    assert world.record_count("customers") == 0


def test_should_nack_when_the_database_is_unavailable(world: HandlerWorld) -> None:
    world.uow = UnreachableUnitOfWork()
    sut = world.handler()

    decision = sut(inbound())

    assert decision is AckDecision.NACK


def test_should_ack_once_committed_when_the_result_cannot_be_published_yet(
    world: HandlerWorld,
) -> None:
    world.publisher = FakeMessagePublisher(available_batches=0)
    sut = world.handler()

    decision = sut(inbound())

    assert decision is AckDecision.ACK


def test_should_ack_a_committed_streamed_import_whose_result_cannot_be_published_yet(
    world: HandlerWorld,
) -> None:
    world.publisher = FakeMessagePublisher(available_batches=0)
    sut = world.handler()

    decision = sut(inbound(LARGE_BODY))

    assert decision is AckDecision.ACK


def test_should_keep_the_result_in_the_outbox_while_it_cannot_be_published(
    world: HandlerWorld,
) -> None:
    world.publisher = FakeMessagePublisher(available_batches=0)
    sut = world.handler()

    sut(inbound())

    assert len(world.pending_outbox()) == 3


def test_should_import_a_large_inline_source_on_its_own(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound(LARGE_BODY))

    assert world.record_count("big") == 10_000


def test_should_keep_the_records_of_an_import_whose_result_could_not_be_published(
    world: HandlerWorld,
) -> None:
    world.publisher = FakeMessagePublisher(available_batches=0)
    sut = world.handler()

    sut(inbound())

    assert world.record_count("customers") == 2


def test_should_nack_when_the_dead_letter_topic_is_unavailable(world: HandlerWorld) -> None:
    world.publisher = FakeMessagePublisher(available_batches=0)
    sut = world.handler()

    decision = sut(inbound(b"{not json"))

    assert decision is AckDecision.NACK


def test_should_nack_an_import_cancelled_because_the_worker_is_stopping(
    world: HandlerWorld,
) -> None:
    world.stopping.set()
    sut = world.handler()

    decision = sut(inbound(CANCELLED_BODY))

    assert decision is AckDecision.NACK


def test_should_store_nothing_of_a_cancelled_import(world: HandlerWorld) -> None:
    world.stopping.set()
    sut = world.handler()

    sut(inbound(CANCELLED_BODY))

    assert world.record_count("big") == 0


def test_should_echo_the_correlation_id_of_the_attributes(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound(correlation_id="corr-42"))

    assert [event["correlation_id"] for event in world.results()] == ["corr-42"]


def test_should_generate_a_correlation_id_when_the_attributes_have_none(
    world: HandlerWorld,
) -> None:
    sut = world.handler()

    sut(inbound())

    assert [event["correlation_id"] for event in world.results()] == world.ids.issued[:1]


def test_should_generate_a_correlation_id_when_the_attribute_is_empty(
    world: HandlerWorld,
) -> None:
    sut = world.handler()

    sut(inbound(correlation_id=""))

    assert [event["correlation_id"] for event in world.results()] == world.ids.issued[:1]
