import functools
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from google.api_core.exceptions import GoogleAPICallError
from google.cloud import pubsub_v1
from google.cloud.pubsub_v1.subscriber.scheduler import ThreadScheduler

from adapters.messaging.ack_decision import AckDecision
from adapters.messaging.inbound_message import InboundMessage
from adapters.messaging.pubsub_call_policy import PUBSUB_FAILURES, bounded_retry
from application.errors import DependencyUnavailableError

_LOGGER = logging.getLogger(__name__)

MessageHandler = Callable[[InboundMessage], AckDecision]


class PubSubSubscriber:
    def __init__(
        self,
        *,
        project_id: str,
        subscription: str,
        max_messages: int = 10,
        max_bytes: int = 100 * 1024 * 1024,
        max_lease_duration_seconds: float = 3600.0,
        callback_threads: int = 10,
        probe_timeout_seconds: float = 2.0,
    ) -> None:
        self._client = pubsub_v1.SubscriberClient()
        self._path = str(self._client.subscription_path(project_id, subscription))
        self._flow_control = pubsub_v1.types.FlowControl(
            max_messages=max_messages,
            max_bytes=max_bytes,
            max_lease_duration=max_lease_duration_seconds,
        )
        self._callback_threads = callback_threads
        self._probe_timeout_seconds = probe_timeout_seconds
        self._future: Any = None
        self._lock = threading.Lock()
        self._in_flight = 0
        self._last_activity = time.monotonic()

    def start(self, handle: MessageHandler) -> None:
        self.record_activity()
        executor = ThreadPoolExecutor(self._callback_threads, thread_name_prefix="pubsub-callback")
        self._future = self._client.subscribe(
            self._path,
            functools.partial(self._on_message, handle),
            flow_control=self._flow_control,
            scheduler=ThreadScheduler(executor=executor),
            await_callbacks_on_shutdown=True,
        )
        _LOGGER.info("pubsub streaming pull started on %s", self._path)

    def stop(self, grace_seconds: float) -> bool:
        if self._future is None:
            return True
        self._future.cancel()
        try:
            self._future.result(timeout=grace_seconds)
        except TimeoutError:
            _LOGGER.warning("pubsub callbacks still running after %s s", grace_seconds)
            return False
        except GoogleAPICallError as error:
            _LOGGER.warning("pubsub streaming pull had ended with %r", error)
        return True

    def close(self) -> None:
        self._client.close()

    def is_alive(self) -> bool:
        return self._future is not None and not self._future.done()

    def last_activity(self) -> float:
        return self._last_activity

    def record_activity(self) -> None:
        self._last_activity = time.monotonic()

    def in_flight(self) -> int:
        return self._in_flight

    def probe(self) -> float:
        started = time.monotonic()
        try:
            self._client.get_subscription(
                request={"subscription": self._path},
                retry=bounded_retry(self._probe_timeout_seconds),
                timeout=self._probe_timeout_seconds,
            )
        except PUBSUB_FAILURES as error:
            raise DependencyUnavailableError(f"Pub/Sub cannot read {self._path}") from error
        return (time.monotonic() - started) * 1000.0

    def _on_message(self, handle: MessageHandler, message: Any) -> None:
        self._count_in_flight(1)
        try:
            self._settle(message, self._decide(handle, message))
        finally:
            self._count_in_flight(-1)

    def _decide(self, handle: MessageHandler, message: Any) -> AckDecision:
        try:
            return handle(_to_inbound_message(message))
        except Exception:
            _LOGGER.exception("message handler failed; nacking %s", message.message_id)
            return AckDecision.NACK

    def _count_in_flight(self, change: int) -> None:
        with self._lock:
            self._in_flight += change
        self.record_activity()

    @staticmethod
    def _settle(message: Any, decision: AckDecision) -> None:
        if decision is AckDecision.ACK:
            message.ack()
        else:
            message.nack()


def _to_inbound_message(message: Any) -> InboundMessage:
    return InboundMessage(
        message_id=message.message_id,
        data=message.data,
        attributes=dict(message.attributes),
        delivery_attempt=message.delivery_attempt,
        publish_time=message.publish_time,
    )
