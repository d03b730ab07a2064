import threading

import pytest

from application.errors import ImportCancelledError
from application.ports.import_progress import ImportProgress
from worker.consumer.stopping_progress import StoppingProgress


def checkpoints_passed(progress: ImportProgress, checkpoints: int) -> int:
    for checkpoint in range(1, checkpoints + 1):
        progress.report(checkpoint * 10_000)
    progress.finish(checkpoints * 10_000)
    return checkpoints


def stopping() -> threading.Event:
    event = threading.Event()
    event.set()
    return event


def test_should_let_an_import_pass_every_checkpoint_while_the_worker_runs() -> None:
    sut = StoppingProgress(threading.Event())

    passed = checkpoints_passed(sut, 3)

    assert passed == 3


def test_should_stop_an_import_at_its_checkpoint_once_the_worker_is_stopping() -> None:
    sut = StoppingProgress(stopping())

    with pytest.raises(ImportCancelledError):
        sut.report(10_000)


def test_should_let_an_import_without_a_checkpoint_finish_while_the_worker_is_stopping() -> None:
    sut = StoppingProgress(stopping())

    passed = checkpoints_passed(sut, 0)

    assert passed == 0
