from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.ports.unit_of_work import UnitOfWork
from application.services.cached_records import CachedRecords
from application.use_cases.get_data import CountRecords, GetDataUseCase, GetRecord
from domain.model.data_record import DataRecord
from tests.fakes.fake_cache import FakeCache
from tests.fakes.recording_cache_metrics import RecordingCacheMetrics
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.fakes.unreachable_unit_of_work import UnreachableUnitOfWork

ADA = DataRecord(dataset="people", key=("1",), values={"id": 1, "name": "Ada"}, import_id="imp-1")
BOB = DataRecord(dataset="people", key=("2",), values={"id": 2, "name": "Bob"}, import_id="imp-1")
ORDER = DataRecord(dataset="orders", key=("1",), values={"id": 1}, import_id="imp-2")


def committed(*records: DataRecord) -> InMemoryUnitOfWork:
    uow = InMemoryUnitOfWork()
    with uow:
        uow.records.upsert_all(records)
        uow.commit()
    return uow


def get_data(uow: UnitOfWork, cache: FakeCache | None = None) -> GetDataUseCase:
    records = CachedRecords(
        cache=cache or FakeCache(),
        generations=SequentialIdGenerator(),
        metrics=RecordingCacheMetrics(),
    )
    return GetDataUseCase(uow=uow, cache=records)


def test_should_get_a_stored_record_by_dataset_and_key() -> None:
    sut = get_data(committed(ADA, BOB, ORDER))

    record = sut.execute(GetRecord(dataset="people", key=("2",)))

    assert record == BOB


def test_should_get_nothing_for_an_unknown_key() -> None:
    sut = get_data(committed(ADA))

    record = sut.execute(GetRecord(dataset="people", key=("9",)))

    assert record is None


def test_should_not_find_a_key_of_another_dataset() -> None:
    sut = get_data(committed(ORDER))

    record = sut.execute(GetRecord(dataset="people", key=("1",)))

    assert record is None


def test_should_answer_a_record_read_before_from_the_cache_without_the_store() -> None:
    cache = FakeCache()
    get_data(committed(ADA), cache).execute(GetRecord(dataset="people", key=("1",)))
    sut = get_data(UnreachableUnitOfWork(), cache)

    record = sut.execute(GetRecord(dataset="people", key=("1",)))

    assert record == ADA


def test_should_not_remember_that_a_record_was_absent() -> None:
    cache = FakeCache()
    uow = committed()
    get_data(uow, cache).execute(GetRecord(dataset="people", key=("1",)))
    with uow:
        uow.records.upsert_all([ADA])
        uow.commit()

    record = get_data(uow, cache).execute(GetRecord(dataset="people", key=("1",)))

    assert record == ADA


def test_should_read_the_store_while_the_cache_cannot_answer() -> None:
    sut = get_data(committed(ADA), FakeCache(reachable=False))

    record = sut.execute(GetRecord(dataset="people", key=("1",)))

    assert record == ADA


def test_should_count_the_records_of_one_dataset() -> None:
    sut = get_data(committed(ADA, BOB, ORDER))

    count = sut.count(CountRecords(dataset="people"))

    assert count == 2


def test_should_count_zero_for_an_unknown_dataset() -> None:
    sut = get_data(committed(ADA))

    count = sut.count(CountRecords(dataset="invoices"))

    assert count == 0
