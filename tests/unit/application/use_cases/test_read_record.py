import json
from datetime import UTC, datetime

import pytest

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.errors import DependencyUnavailableError
from application.services.cached_records import CachedRecords
from application.services.record_read_audit import RecordReadAudit
from application.use_cases.get_data import GetDataUseCase, GetRecord
from application.use_cases.read_record import ReadRecordUseCase
from domain.auth.user_identity import UserIdentity
from domain.model.data_record import DataRecord
from tests.fakes.fake_cache import FakeCache
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.recording_cache_metrics import RecordingCacheMetrics
from tests.fakes.sequential_id_generator import SequentialIdGenerator

ADA = DataRecord(dataset="people", key=("1",), values={"name": "Ada"}, import_id="imp-1")
OPERATOR = UserIdentity(subject="alice", roles=frozenset())


def read_records(publisher: FakeMessagePublisher) -> ReadRecordUseCase:
    uow = InMemoryUnitOfWork()
    with uow:
        uow.records.upsert_all([ADA])
        uow.commit()
    audit = RecordReadAudit(
        topic="audit-events",
        clock=FixedClock(datetime(2024, 5, 1, tzinfo=UTC)),
        ids=SequentialIdGenerator(),
    )
    cache = CachedRecords(
        cache=FakeCache(), generations=SequentialIdGenerator(), metrics=RecordingCacheMetrics()
    )
    return ReadRecordUseCase(
        records=GetDataUseCase(uow=uow, cache=cache),
        publisher=publisher,
        audit=audit,
        reader=OPERATOR,
    )


def test_should_answer_with_the_stored_record() -> None:
    sut = read_records(FakeMessagePublisher())

    record = sut.execute(GetRecord(dataset="people", key=("1",)))

    assert record == ADA


def test_should_publish_one_records_read_audit_per_read() -> None:
    publisher = FakeMessagePublisher()
    sut = read_records(publisher)

    sut.execute(GetRecord(dataset="people", key=("1",)))

    assert [json.loads(message.data)["event_type"] for message in publisher.published] == [
        "records.read"
    ]


def test_should_audit_a_read_that_found_nothing() -> None:
    publisher = FakeMessagePublisher()
    sut = read_records(publisher)

    sut.execute(GetRecord(dataset="people", key=("9",)))

    assert json.loads(publisher.published[0].data)["outcome"] == "failure"


def test_should_answer_nothing_when_the_audit_cannot_be_published() -> None:
    sut = read_records(FakeMessagePublisher(available_batches=0))

    with pytest.raises(DependencyUnavailableError):
        sut.execute(GetRecord(dataset="people", key=("1",)))
