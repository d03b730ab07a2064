import logging
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass

from adapters.messaging.ack_decision import AckDecision
from adapters.messaging.inbound_message import InboundMessage
from application.errors import DependencyUnavailableError
from shared.resilience.circuit_state import CircuitState
from shared.resilience.dependency_policy import DependencyPolicy
from worker.consumer.worker_runtime import Subscriber

logger = logging.getLogger(__name__)


class StreamEndedError(DependencyUnavailableError):
    code = "stream_ended"


@dataclass(frozen=True, slots=True, kw_only=True)
class RequiredDependency:
    """A dependency every import needs, and a cheap call that tries it under its own policy."""

    policy: DependencyPolicy
    trial: Callable[[], object]


class PullSupervisor:
    """Pulls while the dependencies every import needs, the pull itself included, are available.
    When one's circuit opens it stops pulling: the stream ends, the callbacks in hand fail fast
    and nack their messages once, and what was not handed to a callback is nacked. It then tries
    each such dependency as its circuit allows, and pulls again once every circuit is closed. A
    stream that ends by itself counts as a failure of the pull and is started again."""

    def __init__(
        self,
        *,
        subscriber: Subscriber,
        handle: Callable[[InboundMessage], AckDecision],
        required: Sequence[RequiredDependency],
        pull: DependencyPolicy,
        pulling: Callable[[bool], None],
        grace_seconds: float,
    ) -> None:
        self._subscriber = subscriber
        self._handle = handle
        self._required = required
        self._pull = pull
        self._pulling = pulling
        self._grace_seconds = grace_seconds
        self._paused = False

    def start(self) -> None:
        self._subscriber.start(self._handle)
        self._pulling(True)

    def tend(self) -> None:
        """Called at every beat of the consume loop, never from a message callback."""
        down = self._down()
        if down:
            self._pause(down)
            self._try(down)
        elif self._paused:
            self._resume()
        else:
            self._keep_streaming()

    def _down(self) -> list[RequiredDependency]:
        return [
            needed for needed in self._required if needed.policy.state is not CircuitState.CLOSED
        ]

    def _keep_streaming(self) -> None:
        if not self._subscriber.is_alive():
            self._count_ended_stream()
            self._subscriber.start(self._handle)

    def _pause(self, down: Sequence[RequiredDependency]) -> None:
        if self._paused:
            return
        self._paused = True
        names = [needed.policy.dependency for needed in down]
        logger.warning("pull.paused", extra={"dependencies": names})
        self._pulling(False)
        self._subscriber.stop(self._grace_seconds)

    def _try(self, down: Sequence[RequiredDependency]) -> None:
        for needed in down:
            with suppress(DependencyUnavailableError):
                needed.trial()

    def _resume(self) -> None:
        self._paused = False
        self._subscriber.start(self._handle)
        logger.info("pull.resumed")
        self._pulling(True)

    def _count_ended_stream(self) -> None:
        logger.warning("pull.stream_ended")
        with suppress(DependencyUnavailableError), self._pull.guarded():
            raise StreamEndedError("the streaming pull ended by itself")
