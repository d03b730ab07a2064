import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

JSON_CONTENT_TYPE = "application/json"


@dataclass(frozen=True, slots=True, kw_only=True)
class HealthResponse:
    status: HTTPStatus
    body: bytes
    content_type: str = JSON_CONTENT_TYPE
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def json(
        cls, status: HTTPStatus, document: Mapping[str, Any], **headers: str
    ) -> "HealthResponse":
        body = json.dumps(document, separators=(",", ":")).encode("utf-8")
        return cls(status=status, body=body, headers=headers)
