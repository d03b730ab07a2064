import pytest

from tests.unit.worker.consumer.handler_world import HandlerWorld


@pytest.fixture
def world() -> HandlerWorld:
    return HandlerWorld()
