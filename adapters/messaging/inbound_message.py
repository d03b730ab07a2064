from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class InboundMessage:
    message_id: str
    data: bytes
    attributes: Mapping[str, str]
    delivery_attempt: int | None
    publish_time: datetime
