from collections.abc import Iterator
from dataclasses import replace

import pytest
from opentelemetry import trace

from application.errors import SourceNotFoundError
from tests.fakes.fake_record_source import FakeRecordSource
from tests.unit.application.use_cases.import_data_examples import (
    COMMAND,
    HEADER,
    VALID_ROWS,
    VIEWER_TOKEN,
)
from tests.unit.application.use_cases.span_world import CONSUMER, SpanWorld, span_world


@pytest.fixture
def world() -> Iterator[SpanWorld]:
    yield from span_world()


def test_should_open_the_steps_of_an_import_alone_as_spans(world: SpanWorld) -> None:
    world.alone(FakeRecordSource(header=HEADER, rows=VALID_ROWS), COMMAND)

    assert sorted(span.name for span in world.spans()) == [
        "audit-events create",
        "audit-events create",
        "authorize",
        CONSUMER,
        "import-results create",
        "read source",
        "store",
    ]


@pytest.mark.parametrize(
    ("step", "parent"),
    [
        ("authorize", CONSUMER),
        ("store", CONSUMER),
        ("read source", "store"),
        ("import-results create", CONSUMER),
    ],
    ids=["authorize", "store", "read-streams-into-store", "result-event"],
)
def test_should_place_each_step_of_an_import_alone_in_the_message_span(
    world: SpanWorld, step: str, parent: str
) -> None:
    world.alone(FakeRecordSource(header=HEADER, rows=VALID_ROWS), COMMAND)

    assert world.parent_name(step) == parent


def test_should_count_the_rows_read_on_the_read_span(world: SpanWorld) -> None:
    world.alone(FakeRecordSource(header=HEADER, rows=VALID_ROWS), COMMAND)

    assert (world.named("read source").attributes or {})["import_worker.rows.read"] == 3


def test_should_count_the_rows_stored_and_rejected_on_the_store_span(world: SpanWorld) -> None:
    command = replace(COMMAND, schema=replace(COMMAND.schema, columns={}))
    world.alone(FakeRecordSource(header=HEADER, rows=VALID_ROWS), command)

    attributes = world.named("store").attributes or {}

    assert {key: attributes[key] for key in attributes if key.startswith("import_worker")} == {
        "import_worker.rows.imported": 3,
        "import_worker.rows.rejected": 0,
    }


def test_should_name_the_store_operation_on_the_store_span(world: SpanWorld) -> None:
    world.alone(FakeRecordSource(header=HEADER, rows=VALID_ROWS), COMMAND)

    assert (world.named("store").attributes or {})["db.operation.name"] == "store"


def test_should_mark_the_authorize_span_failed_with_the_denial_code(world: SpanWorld) -> None:
    world.alone(
        FakeRecordSource(header=HEADER, rows=VALID_ROWS),
        replace(COMMAND, authorization=f"Bearer {VIEWER_TOKEN}"),
    )

    assert (world.named("authorize").attributes or {})["error.type"] == "forbidden"


def test_should_mark_the_read_span_failed_with_the_source_error_code(world: SpanWorld) -> None:
    world.alone(FakeRecordSource(open_error=SourceNotFoundError("gone")), COMMAND)

    assert world.named("read source").status.description == "source_not_found"


def test_should_give_the_result_event_the_context_of_its_producer_span(world: SpanWorld) -> None:
    world.alone(FakeRecordSource(header=HEADER, rows=VALID_ROWS), COMMAND)
    [result] = [message for message in world.published() if message.topic == "import-results"]

    producer = world.named("import-results create").context

    assert result.attributes["traceparent"].split("-")[2] == trace.format_span_id(producer.span_id)


def test_should_store_a_batch_in_a_span_linked_to_each_message_span(world: SpanWorld) -> None:
    world.in_batch(FakeRecordSource(header=HEADER, rows=VALID_ROWS), COMMAND)

    links = [link.context.span_id for link in world.named("store batch").links]

    assert links == [world.named(CONSUMER).context.span_id]


def test_should_count_the_requests_of_a_batch_on_its_span(world: SpanWorld) -> None:
    world.in_batch(FakeRecordSource(header=HEADER, rows=VALID_ROWS), COMMAND)

    assert (world.named("store batch").attributes or {})["db.operation.batch.size"] == 1


def test_should_read_a_batched_request_in_its_message_span(world: SpanWorld) -> None:
    world.in_batch(FakeRecordSource(header=HEADER, rows=VALID_ROWS), COMMAND)

    assert world.parent_name("read source") == CONSUMER
