from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.use_cases.get_data import CountRecords, GetDataUseCase, GetRecord
from domain.model.data_record import DataRecord

ADA = DataRecord(dataset="people", key=("1",), values={"id": 1, "name": "Ada"}, import_id="imp-1")
BOB = DataRecord(dataset="people", key=("2",), values={"id": 2, "name": "Bob"}, import_id="imp-1")
ORDER = DataRecord(dataset="orders", key=("1",), values={"id": 1}, import_id="imp-2")


def committed(*records: DataRecord) -> InMemoryUnitOfWork:
    uow = InMemoryUnitOfWork()
    with uow:
        uow.records.upsert_all(records)
        uow.commit()
    return uow


def test_should_get_a_stored_record_by_dataset_and_key() -> None:
    sut = GetDataUseCase(uow=committed(ADA, BOB, ORDER))

    record = sut.execute(GetRecord(dataset="people", key=("2",)))

    assert record == BOB


def test_should_get_nothing_for_an_unknown_key() -> None:
    sut = GetDataUseCase(uow=committed(ADA))

    record = sut.execute(GetRecord(dataset="people", key=("9",)))

    assert record is None


def test_should_not_find_a_key_of_another_dataset() -> None:
    sut = GetDataUseCase(uow=committed(ORDER))

    record = sut.execute(GetRecord(dataset="people", key=("1",)))

    assert record is None


def test_should_count_the_records_of_one_dataset() -> None:
    sut = GetDataUseCase(uow=committed(ADA, BOB, ORDER))

    count = sut.count(CountRecords(dataset="people"))

    assert count == 2


def test_should_count_zero_for_an_unknown_dataset() -> None:
    sut = GetDataUseCase(uow=committed(ADA))

    count = sut.count(CountRecords(dataset="invoices"))

    assert count == 0
