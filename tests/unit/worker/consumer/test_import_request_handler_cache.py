from collections.abc import Callable, Iterator
from typing import Any

import pytest

from adapters.messaging.ack_decision import AckDecision
from adapters.messaging.inbound_message import InboundMessage
from application.ports.cache import Cache
from tests.fakes.fake_cache import FakeCache
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.fakes.unreachable_unit_of_work import UnreachableUnitOfWork
from tests.unit.worker.consumer.handler_world import (
    CUSTOMERS_BODY,
    HandlerWorld,
    inbound,
)

FIRST = inbound(message_id="m-1")
REPUBLISHED = inbound(message_id="m-2", correlation_id="corr-2")
FAILING = inbound(
    {**CUSTOMERS_BODY, "import_id": "imp-2", "key_columns": ["customer_no"]}, message_id="m-3"
)
FIXED = inbound({**CUSTOMERS_BODY, "import_id": "imp-2"}, message_id="m-4")
LARGE = inbound(
    {
        **CUSTOMERS_BODY,
        "import_id": "imp-large",
        "source": {"inline": "id\n" + "".join(f"{number}\n" for number in range(10_000))},
        "key_columns": ["id"],
        "columns": {},
    },
    message_id="m-5",
)
SCENARIO = [FIRST, REPUBLISHED, FAILING, FIXED, FIRST, LARGE, inbound(message_id="m-6")]


@pytest.fixture
def worlds() -> Iterator[Callable[[Cache | None], HandlerWorld]]:
    made: list[HandlerWorld] = []

    def make(cache: Cache | None) -> HandlerWorld:
        made.append(HandlerWorld(cache=cache))
        return made[-1]

    yield make
    for world in made:
        world.close()


@pytest.fixture
def cached(worlds: Callable[[Cache | None], HandlerWorld]) -> HandlerWorld:
    return worlds(FakeCache())


def handled(world: HandlerWorld, messages: list[InboundMessage]) -> dict[str, Any]:
    sut = world.handler()
    decisions = [sut(message) for message in messages]
    return {"decisions": decisions, "results": world.results(), "audits": world.audit_types()}


def cache_requests(world: HandlerWorld, result: str) -> float:
    body, _ = world.built[-1].worker.worker_metrics.exposition()
    prefix = f'import_worker_cache_requests_total{{result="{result}"}} '
    lines = body.decode().splitlines()
    return sum(float(line.removeprefix(prefix)) for line in lines if line.startswith(prefix))


def test_should_ack_a_republished_request_the_cache_answers_while_the_store_is_down(
    cached: HandlerWorld,
) -> None:
    cached.handler()(FIRST)
    cached.uow = UnreachableUnitOfWork()
    sut = cached.handler()

    decision = sut(REPUBLISHED)

    assert decision is AckDecision.ACK


def test_should_publish_the_stored_result_again_while_the_store_is_down(
    cached: HandlerWorld,
) -> None:
    cached.handler()(FIRST)
    cached.uow = UnreachableUnitOfWork()

    cached.handler()(REPUBLISHED)

    assert cached.results()[1] == cached.results()[0]


def test_should_nack_a_repeat_the_cache_answers_when_its_result_cannot_be_published(
    cached: HandlerWorld,
) -> None:
    cached.publisher = FakeMessagePublisher(available_batches=1)
    sut = cached.handler()
    sut(FIRST)

    decision = sut(REPUBLISHED)

    assert decision is AckDecision.NACK


def test_should_import_again_a_failed_import_requested_again(cached: HandlerWorld) -> None:
    handled(cached, [FAILING, FIXED])

    assert [result["event_type"] for result in cached.results()] == [
        "ImportFailed",
        "ImportCompleted",
    ]


def test_should_answer_every_message_as_without_a_cache_while_the_cache_is_down(
    worlds: Callable[[Cache | None], HandlerWorld],
) -> None:
    without, down = worlds(None), worlds(FakeCache(reachable=False))

    outcomes = handled(down, SCENARIO)

    assert outcomes == handled(without, SCENARIO)


def test_should_publish_the_results_it_would_publish_without_a_cache(
    cached: HandlerWorld, worlds: Callable[[Cache | None], HandlerWorld]
) -> None:
    without = worlds(None)

    outcomes = handled(cached, SCENARIO)

    assert outcomes["results"] == handled(without, SCENARIO)["results"]


@pytest.mark.parametrize(
    ("cache", "result", "expected"),
    [
        (FakeCache(), "hit", 1.0),
        (FakeCache(), "miss", 1.0),
        (FakeCache(reachable=False), "error", 6.0),
    ],
    ids=["hit", "miss", "error"],
)
def test_should_count_cache_requests_by_result(
    worlds: Callable[[Cache | None], HandlerWorld], cache: FakeCache, result: str, expected: float
) -> None:
    world = worlds(cache)

    handled(world, [FIRST, REPUBLISHED])

    assert cache_requests(world, result) == expected


def test_should_count_no_cache_request_without_a_cache(world: HandlerWorld) -> None:
    handled(world, [FIRST, REPUBLISHED])

    assert cache_requests(world, "miss") == 0.0
