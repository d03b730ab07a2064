from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboundMessage:
    topic: str
    data: bytes
    attributes: Mapping[str, str] = field(default_factory=dict)
