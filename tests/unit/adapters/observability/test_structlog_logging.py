import logging
from collections.abc import Iterator

import pytest
import structlog
from opentelemetry.sdk.trace import TracerProvider

from adapters.observability.log_context import bound_log_context
from adapters.observability.structlog_logging import add_missing_context, redact_secrets
from tests.unit.adapters.observability.logging_capture import LogCapture, configured_logging

LOGGER = logging.getLogger("tests.structlog_logging")


@pytest.fixture
def json_logs() -> Iterator[LogCapture]:
    with configured_logging() as capture:
        yield capture


@pytest.fixture
def console_logs() -> Iterator[LogCapture]:
    with configured_logging(log_format="console") as capture:
        yield capture


def test_should_write_one_json_object_with_the_contract_fields(json_logs: LogCapture) -> None:
    LOGGER.info("worker.started")

    assert set(json_logs.last()) >= {"timestamp", "level", "event", "correlation_id"}


def test_should_name_the_event_and_the_level(json_logs: LogCapture) -> None:
    LOGGER.warning("message.retried")

    assert {key: json_logs.last()[key] for key in ("event", "level")} == {
        "event": "message.retried",
        "level": "warning",
    }


def test_should_stamp_the_time_in_utc(json_logs: LogCapture) -> None:
    LOGGER.info("worker.started")

    assert json_logs.last()["timestamp"].endswith("Z")


def test_should_write_a_null_correlation_id_outside_any_message(json_logs: LogCapture) -> None:
    LOGGER.info("worker.started")

    assert json_logs.last()["correlation_id"] is None


def test_should_carry_the_bound_context(json_logs: LogCapture) -> None:
    with bound_log_context(correlation_id="c-1", import_id="i-1", dataset="customers"):
        LOGGER.info("import.completed")

    assert {key: json_logs.last()[key] for key in ("correlation_id", "import_id", "dataset")} == {
        "correlation_id": "c-1",
        "import_id": "i-1",
        "dataset": "customers",
    }


def test_should_carry_the_extra_fields_of_a_standard_log_call(json_logs: LogCapture) -> None:
    LOGGER.info("import.completed", extra={"rows_read": 3})

    assert json_logs.last()["rows_read"] == 3


@pytest.mark.parametrize(
    "key",
    ["authorization", "token", "password", "secret", "values", "row"],
    ids=["authorization", "token", "password", "secret", "values", "row"],
)
def test_should_redact_secret_and_row_content_fields(json_logs: LogCapture, key: str) -> None:
    LOGGER.info("message.received", extra={key: "Bearer eyJ-sensitive"})

    assert json_logs.last()[key] == "[redacted]"


def test_should_render_structlog_calls_as_json_too(json_logs: LogCapture) -> None:
    structlog.get_logger("tests").info("cache.miss", dataset="customers")

    assert json_logs.last()["dataset"] == "customers"


def test_should_drop_records_below_the_configured_level(json_logs: LogCapture) -> None:
    LOGGER.debug("noise")

    assert json_logs.lines() == []


def test_should_add_the_trace_and_span_ids_inside_a_span(json_logs: LogCapture) -> None:
    tracer = TracerProvider().get_tracer("tests")

    with tracer.start_as_current_span("import-request process"):
        LOGGER.info("import.completed")

    assert set(json_logs.last()) >= {"trace_id", "span_id"}


def test_should_write_the_same_event_in_console_format(console_logs: LogCapture) -> None:
    LOGGER.info("worker.started", extra={"exit_code": 0})

    assert "worker.started" in console_logs.lines()[0]


def test_should_not_write_json_in_console_format(console_logs: LogCapture) -> None:
    LOGGER.info("worker.started")

    assert not console_logs.lines()[0].startswith("{")


def test_should_keep_a_correlation_id_already_present() -> None:
    event = add_missing_context(None, "info", {"event": "x", "correlation_id": "c-9"})

    assert event["correlation_id"] == "c-9"


def test_should_leave_harmless_fields_unredacted() -> None:
    event = redact_secrets(None, "info", {"event": "x", "dataset": "customers"})

    assert event == {"event": "x", "dataset": "customers"}
