import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from adapters.messaging.ack_decision import AckDecision
from adapters.messaging.inbound_message import InboundMessage

EXIT_STOPPED = 0
BEAT_SECONDS = 1.0
CANCEL_AT_GRACE_FRACTION = 0.8

logger = logging.getLogger(__name__)


class Subscriber(Protocol):
    def start(self, handle: Callable[[InboundMessage], AckDecision]) -> None: ...

    def stop(self, grace_seconds: float) -> bool: ...

    def is_alive(self) -> bool: ...


class Supervisor(Protocol):
    def start(self) -> None: ...

    def tend(self) -> None: ...


class Relayer(Protocol):
    def start(self) -> None: ...

    def stop(self) -> None: ...


class Sidecar(Protocol):
    def start(self) -> None: ...

    def stop(self) -> None: ...


class Heartbeat(Protocol):
    def beat(self) -> None: ...


class Resource(Protocol):
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkerSignals:
    stop_requested: threading.Event
    draining: threading.Event
    stopping: threading.Event


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkerRuntime:
    """Consumes until asked to stop, then drains in-flight imports within the grace period; it
    never stops by itself: the supervisor pauses and resumes the pull through outages."""

    subscriber: Subscriber
    supervisor: Supervisor
    relayer: Relayer
    sidecar: Sidecar
    heartbeat: Heartbeat
    signals: WorkerSignals
    grace_seconds: float
    resources: Sequence[Resource] = ()

    def request_stop(self) -> None:
        self.signals.draining.set()
        self.signals.stop_requested.set()

    def run(self) -> int:
        self.sidecar.start()
        self.relayer.start()
        self.supervisor.start()
        logger.info("worker.started")
        exit_code = self._consume()
        self._drain()
        logger.info("worker.stopped", extra={"exit_code": exit_code})
        return exit_code

    def _consume(self) -> int:
        while not self.signals.stop_requested.wait(BEAT_SECONDS):
            self.supervisor.tend()
            self.heartbeat.beat()
        return EXIT_STOPPED

    def _drain(self) -> None:
        self.signals.draining.set()
        cancel = threading.Timer(
            self.grace_seconds * CANCEL_AT_GRACE_FRACTION, self.signals.stopping.set
        )
        cancel.start()
        drained = self.subscriber.stop(self.grace_seconds)
        cancel.cancel()
        self.relayer.stop()
        self.sidecar.stop()
        self._release(drained)

    def _release(self, drained: bool) -> None:
        if not drained:
            logger.warning("worker.drain_timed_out", extra={"resources_left_open": True})
            return
        logger.info("worker.drained")
        for resource in self.resources:
            resource.close()
