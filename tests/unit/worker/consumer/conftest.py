from collections.abc import Iterator

import pytest

from tests.unit.worker.consumer.handler_world import HandlerWorld


@pytest.fixture
def world() -> Iterator[HandlerWorld]:
    world = HandlerWorld()
    yield world
    world.close()
