import threading
from datetime import UTC, datetime

from pydantic import SecretStr

from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from shared.configuration import Settings
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.fakes.fixed_clock import FixedClock
from worker.bootstrap import bootstrap

MOMENT = datetime(2024, 5, 1, tzinfo=UTC)
SETTINGS = Settings(
    database_url=SecretStr("memory://"), google_cloud_project="test-project", auth_mode="disabled"
)


def import_batch_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "import-batch"]


def test_should_build_each_collaborator_once() -> None:
    sut = bootstrap(SETTINGS)

    again = sut.uow

    assert again is sut.uow


def test_should_tell_the_time_of_a_given_clock() -> None:
    sut = bootstrap(SETTINGS, clock=FixedClock(MOMENT))

    told = sut.attempts.now()

    assert told == MOMENT


def test_should_use_a_given_collaborator_instead_of_the_configured_one() -> None:
    uow = InMemoryUnitOfWork()

    sut = bootstrap(SETTINGS, uow=uow)

    assert sut.uow is uow


def test_should_stop_the_threads_its_worker_parts_started_when_closed() -> None:
    before = import_batch_threads()
    sut = bootstrap(SETTINGS, publisher=FakeMessagePublisher())
    sut.worker.execution

    sut.close()

    assert import_batch_threads() == before


def test_should_close_without_building_the_worker_parts_it_never_used() -> None:
    sut = bootstrap(SETTINGS)

    sut.close()

    assert "worker" not in vars(sut)
