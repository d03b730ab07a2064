import logging
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from datetime import datetime
from typing import Any

from google.api_core.exceptions import DeadlineExceeded
from google.cloud import pubsub_v1

from adapters.messaging.pubsub_call_policy import pubsub_outage
from adapters.messaging.topology_names import TopologyNames
from application.ports.clock import Clock
from application.ports.message_publisher import MessagePublisher
from application.ports.outbound_message import OutboundMessage
from shared.resilience.dependency_policy import DependencyPolicy

_LOGGER = logging.getLogger(__name__)

_DROPPED_ATTRIBUTES = frozenset({"dead_letter_reason", "dead_letter_error"})
_DROPPED_PREFIX = "CloudPubSubDeadLetterSource"


class PubSubDeadLetterReplayer:
    def __init__(
        self,
        *,
        project_id: str,
        publisher: MessagePublisher,
        policy: DependencyPolicy,
        clock: Clock,
        names: TopologyNames = TopologyNames(),
        batch_size: int = 100,
        pull_timeout_seconds: float = 5.0,
    ) -> None:
        self._publisher = publisher
        self._policy = policy
        self._clock = clock
        self._target_topic = names.import_requests_topic
        self._batch_size = batch_size
        self._timeout_seconds = pull_timeout_seconds
        self._client = pubsub_v1.SubscriberClient()
        self._path = str(self._client.subscription_path(project_id, names.dead_letter_subscription))

    def replay(self, limit: int | None = None) -> int:
        cutoff = self._clock.now()
        moved = 0
        while (wanted := self._wanted(limit, moved)) > 0:
            batch = self._pull_eligible(wanted, cutoff)
            if not batch:
                break
            self._move(batch)
            moved += len(batch)
        _LOGGER.info("replayed %s dead-lettered messages from %s", moved, self._path)
        return moved

    def close(self) -> None:
        self._client.close()

    def _wanted(self, limit: int | None, moved: int) -> int:
        return self._batch_size if limit is None else min(self._batch_size, limit - moved)

    def _pull_eligible(self, wanted: int, cutoff: datetime) -> list[Any]:
        timely, late = _partition(self._pull(wanted), cutoff)
        if late:
            self._call(self._client.modify_ack_deadline, late, ack_deadline_seconds=0)
        return timely

    def _pull(self, wanted: int) -> Sequence[Any]:
        return self._policy.call(partial(self._pulled, wanted))

    def _pulled(self, wanted: int) -> Sequence[Any]:
        with pubsub_outage(f"pull {self._path}"):
            try:
                response = self._client.pull(
                    request={"subscription": self._path, "max_messages": wanted},
                    retry=None,
                    timeout=self._timeout_seconds,
                )
            except DeadlineExceeded:
                return []
        return list(response.received_messages)

    def _move(self, batch: list[Any]) -> None:
        self._publisher.publish([self._outbound(item.message) for item in batch])
        self._call(self._client.acknowledge, [item.ack_id for item in batch])

    def _outbound(self, message: Any) -> OutboundMessage:
        return OutboundMessage(
            topic=self._target_topic,
            data=message.data,
            attributes=_replayable(message.attributes),
        )

    def _call(self, method: Callable[..., object], ack_ids: list[str], **fields: object) -> None:
        request = {"subscription": self._path, "ack_ids": ack_ids, **fields}
        self._policy.call(partial(self._settle, method, request))

    def _settle(self, method: Callable[..., object], request: dict[str, object]) -> None:
        with pubsub_outage(f"settle messages of {self._path}"):
            method(request=request, retry=None, timeout=self._timeout_seconds)


def _partition(received: Sequence[Any], cutoff: datetime) -> tuple[list[Any], list[str]]:
    timely: list[Any] = []
    late: list[str] = []
    for item in received:
        if item.message.publish_time > cutoff:
            late.append(item.ack_id)
        else:
            timely.append(item)
    return timely, late


def _replayable(attributes: Mapping[str, str]) -> dict[str, str]:
    return {
        name: value
        for name, value in attributes.items()
        if name not in _DROPPED_ATTRIBUTES and not name.startswith(_DROPPED_PREFIX)
    }
