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
from adapters.messaging.pubsub_call_policy import pubsub_outage
from adapters.messaging.subscription_flow import SubscriptionFlow
from shared.resilience.dependency_policy import DependencyPolicy

_LOGGER = logging.getLogger(__name__)

MessageHandler = Callable[[InboundMessage], AckDecision]


class PubSubSubscriber:
    """One streaming pull on the subscription, which may be paused and resumed: pausing ends the
    stream, waits for the callbacks in hand and nacks what was not handed to one yet. A message
    its handler hands back comes again after the flow's redelivery delay, not at once."""

    def __init__(
        self,
        *,
        project_id: str,
        subscription: str,
        flow: SubscriptionFlow,
        policy: DependencyPolicy,
    ) -> None:
        self._client = pubsub_v1.SubscriberClient()
        self._path = str(self._client.subscription_path(project_id, subscription))
        self._flow = flow
        self._flow_control = pubsub_v1.types.FlowControl(
            max_messages=flow.max_messages,
            max_bytes=flow.max_bytes,
            max_lease_duration=flow.max_lease_seconds,
            max_duration_per_lease_extension=flow.max_lease_extension_seconds,
        )
        self._policy = policy
        self._future: Any = None
        self._lock = threading.Lock()
        self._in_flight = 0
        self._last_activity = time.monotonic()

    def start(self, handle: MessageHandler) -> None:
        self.record_activity()
        executor = ThreadPoolExecutor(
            self._flow.callback_threads, thread_name_prefix="pubsub-callback"
        )
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
        self._policy.call(self._read_subscription)
        return (time.monotonic() - started) * 1000.0

    def _read_subscription(self) -> None:
        with pubsub_outage(f"read {self._path}"):
            self._client.get_subscription(
                request={"subscription": self._path},
                retry=None,
                timeout=self._flow.probe_timeout_seconds,
            )

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

    def _settle(self, message: Any, decision: AckDecision) -> None:
        if decision is AckDecision.ACK:
            message.ack()
        elif self._flow.redelivery_delay_seconds:
            message.modify_ack_deadline(self._flow.redelivery_delay_seconds)
            message.drop()
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
