import logging
from dataclasses import replace

import pytest

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import SourceNotFoundError
from application.ports.record_source import RecordSource
from application.use_cases.import_data import ImportData
from tests.fakes.fake_record_source import FakeRecordSource
from tests.unit.application.use_cases.import_data_examples import (
    COMMAND,
    HEADER,
    VALID_ROWS,
    VIEWER_TOKEN,
    ImportDataFactory,
)

LOGGER = "application.use_cases.import_data"
READABLE = FakeRecordSource(header=HEADER, rows=VALID_ROWS)
MISSING = FakeRecordSource(open_error=SourceNotFoundError("no such file"))
DENIED = replace(COMMAND, authorization=f"Bearer {VIEWER_TOKEN}")
OUTCOMES = [
    (COMMAND, READABLE, ("import.completed", "INFO", None)),
    (COMMAND, MISSING, ("import.failed", "WARNING", "source_not_found")),
    (DENIED, READABLE, ("import.denied", "WARNING", "forbidden")),
]


def logged(caplog: pytest.LogCaptureFixture) -> list[tuple[str, str, str | None]]:
    return [
        (record.getMessage(), record.levelname, record.__dict__.get("error_code"))
        for record in caplog.records
    ]


@pytest.mark.parametrize(
    ("command", "source", "expected"), OUTCOMES, ids=["completed", "failed", "denied"]
)
def test_should_log_the_outcome_with_its_level_and_error_code(
    make_import_data: ImportDataFactory,
    caplog: pytest.LogCaptureFixture,
    command: ImportData,
    source: RecordSource,
    expected: tuple[str, str, str | None],
) -> None:
    sut = make_import_data(source)
    caplog.set_level(logging.INFO, logger=LOGGER)

    sut.execute(command)

    assert logged(caplog) == [expected]


def test_should_log_a_repeat_of_a_completed_import_as_already_completed(
    make_import_data: ImportDataFactory,
    uow: InMemoryUnitOfWork,
    caplog: pytest.LogCaptureFixture,
) -> None:
    sut = make_import_data(FakeRecordSource(header=HEADER, rows=VALID_ROWS))
    sut.execute(COMMAND)
    caplog.set_level(logging.INFO, logger=LOGGER)

    sut.execute(replace(COMMAND, request_id="msg-2"))

    assert logged(caplog) == [("import.already_completed", "INFO", None)]
