import logging
from collections.abc import Iterator
from contextlib import suppress
from typing import NoReturn

import pytest
import structlog

from adapters.messaging.inbound_message import InboundMessage

from tests.unit.adapters.observability.logging_capture import LogCapture, configured_logging
from tests.fakes.unreachable_unit_of_work import UnreachableUnitOfWork
from tests.unit.worker.consumer.consumer_doubles import FinishedMessage, SettledMessage
from tests.unit.worker.consumer.handler_world import (
    CUSTOMERS_BODY,
    VIEWER_TOKEN,
    HandlerWorld,
    inbound,
)

HANDLER_LOGGER = "worker.consumer.import_request_handler"
TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


@pytest.fixture
def json_logs() -> Iterator[LogCapture]:
    with configured_logging() as capture:
        yield capture


@pytest.mark.parametrize(
    ("message", "outcome"),
    [
        (inbound(), "completed"),
        (inbound({**CUSTOMERS_BODY, "key_columns": ["customer_no"]}), "failed"),
        (inbound(authorization=f"Bearer {VIEWER_TOKEN}"), "rejected"),
        (inbound(b"[]"), "dead_lettered"),
    ],
    ids=["completed", "failed", "rejected", "dead-lettered"],
)
def test_should_count_the_outcome_of_each_message(
    world: HandlerWorld, message: InboundMessage, outcome: str
) -> None:
    sut = world.handler()

    sut(message)

    assert world.metrics.outcomes == [outcome]


def test_should_count_a_nacked_message_as_retried(world: HandlerWorld) -> None:
    world.uow = UnreachableUnitOfWork()
    sut = world.handler()

    sut(inbound())

    assert world.metrics.outcomes == ["retried"]


def test_should_count_the_rows_imported_and_rejected(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound())

    assert world.metrics.finished == [
        FinishedMessage(outcome="completed", rows_imported=2, rows_rejected=1)
    ]


def test_should_count_no_rows_for_a_message_without_a_result(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound(b"[]"))

    assert world.metrics.finished == [
        FinishedMessage(outcome="dead_lettered", rows_imported=0, rows_rejected=0)
    ]


def test_should_mark_the_message_started(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound())

    assert world.metrics.started == 1


def test_should_mark_the_message_finished(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound())

    assert len(world.metrics.finished) == 1


def test_should_measure_a_non_negative_duration(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound())

    assert world.metrics.durations[0] >= 0.0


def test_should_continue_the_trace_carried_by_the_attributes(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound(authorization=None, traceparent=TRACEPARENT))

    assert [message.attributes for message in world.tracing.messages] == [
        {"traceparent": TRACEPARENT}
    ]


def test_should_bind_the_correlation_id_around_the_span(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound(correlation_id="corr-7"))

    assert world.tracing.contexts == [{"correlation_id": "corr-7"}]


def test_should_unbind_the_log_context_after_the_message(world: HandlerWorld) -> None:
    sut = world.handler()

    sut(inbound(correlation_id="corr-7"))

    assert structlog.contextvars.get_contextvars() == {}


def test_should_log_the_import_with_its_correlation_id_import_id_and_dataset(
    world: HandlerWorld, json_logs: LogCapture
) -> None:
    sut = world.handler()

    sut(inbound(correlation_id="corr-7"))

    assert [
        (line["correlation_id"], line["import_id"], line["dataset"])
        for line in json_logs.documents()
        if line["event"] == "import.completed"
    ] == [("corr-7", "imp-1", "customers")]


def test_should_log_a_retried_message_with_its_error_code(
    world: HandlerWorld, caplog: pytest.LogCaptureFixture
) -> None:
    world.uow = UnreachableUnitOfWork()
    sut = world.handler()
    caplog.set_level(logging.WARNING, logger=HANDLER_LOGGER)

    sut(inbound())

    assert [
        (record.getMessage(), record.__dict__["error_code"])
        for record in caplog.records
        if record.name == HANDLER_LOGGER
    ] == [("message.retried", "dependency_unavailable")]


def test_should_log_a_retried_import_with_its_import_id_and_dataset(
    world: HandlerWorld, json_logs: LogCapture
) -> None:
    world.uow = UnreachableUnitOfWork()
    sut = world.handler()

    sut(inbound(correlation_id="corr-7"))

    assert [
        (line["correlation_id"], line["import_id"], line["dataset"])
        for line in json_logs.documents()
        if line["event"] == "message.retried"
    ] == [("corr-7", "imp-1", "customers")]


def test_should_log_a_dead_lettered_message_with_its_reason(
    world: HandlerWorld, caplog: pytest.LogCaptureFixture
) -> None:
    sut = world.handler()
    caplog.set_level(logging.WARNING, logger=HANDLER_LOGGER)

    sut(inbound(b"[]"))

    assert [(record.getMessage(), record.__dict__["reason"]) for record in caplog.records] == [
        ("message.dead_lettered", "invalid_body")
    ]


def test_should_never_log_the_token(world: HandlerWorld, json_logs: LogCapture) -> None:
    sut = world.handler()

    sut(inbound(authorization="Bearer forged-token"))

    assert "forged-token" not in json_logs.stream.getvalue()


@pytest.mark.parametrize(
    ("message", "settled"),
    [
        (inbound(), SettledMessage(message_id="m-1", outcome="completed", error_code=None)),
        (
            inbound({**CUSTOMERS_BODY, "key_columns": ["customer_no"]}),
            SettledMessage(message_id="m-1", outcome="failed", error_code="missing_columns"),
        ),
        (
            inbound(authorization=f"Bearer {VIEWER_TOKEN}"),
            SettledMessage(message_id="m-1", outcome="rejected", error_code="forbidden"),
        ),
        (
            inbound(b"[]"),
            SettledMessage(message_id="m-1", outcome="dead_lettered", error_code="invalid_body"),
        ),
    ],
    ids=["completed", "failed", "rejected", "dead-lettered"],
)
def test_should_settle_the_consumer_span_with_the_outcome_and_its_error_code(
    world: HandlerWorld, message: InboundMessage, settled: SettledMessage
) -> None:
    sut = world.handler()

    sut(message)

    assert world.tracing.settled == [settled]


def test_should_settle_a_retried_message_with_the_outage_code(world: HandlerWorld) -> None:
    world.uow = UnreachableUnitOfWork()
    sut = world.handler()

    sut(inbound())

    assert world.tracing.settled == [
        SettledMessage(message_id="m-1", outcome="retried", error_code="dependency_unavailable")
    ]


class BrokenUnitOfWork(UnreachableUnitOfWork):
    @staticmethod
    def _unreachable() -> NoReturn:
        raise RuntimeError("a bug in the store adapter")


def test_should_let_an_unexpected_failure_reach_the_subscriber(world: HandlerWorld) -> None:
    world.uow = BrokenUnitOfWork()
    sut = world.handler()

    with pytest.raises(RuntimeError):
        sut(inbound())


def test_should_count_a_message_whose_handling_failed_unexpectedly_as_retried(
    world: HandlerWorld,
) -> None:
    world.uow = BrokenUnitOfWork()
    sut = world.handler()
    with suppress(RuntimeError):
        sut(inbound())

    assert world.metrics.outcomes == ["retried"]
