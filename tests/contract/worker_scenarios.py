import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from application.use_cases.get_data import GetRecord

TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
PEOPLE_CSV = "id,name,age\n1,Ada,36\n2,Bob,forty\n"
COMPLETED = "an import of people completed with one rejected row"
OPERATOR = "olga"


@dataclass(frozen=True, slots=True, kw_only=True)
class IncomingRequest:
    """A request as Pub/Sub delivers it to the worker: id, data and attributes."""

    message_id: str
    body: Any
    attributes: Mapping[str, str] = field(default_factory=dict)

    @property
    def data(self) -> bytes:
        return self.body if isinstance(self.body, bytes) else json.dumps(self.body).encode()


def _request(message_id: str, token: str | None, **body: Any) -> IncomingRequest:
    attributes = {"correlation_id": f"corr-{message_id}", "traceparent": TRACEPARENT}
    if token is not None:
        attributes["authorization"] = f"Bearer {token}"
    return IncomingRequest(message_id=message_id, body=body, attributes=attributes)


SCENARIOS: Mapping[str, IncomingRequest] = {
    COMPLETED: _request(
        "7301",
        "token-of-ada",
        import_id="people-2026-05-04",
        dataset="people",
        source={"inline": PEOPLE_CSV},
        key_columns=["id"],
        columns={"age": {"type": "integer", "required": True}},
    ),
    "an import of people failed because its source lacks the key column": _request(
        "7302",
        "token-of-ada",
        import_id="people-2026-05-05",
        dataset="people",
        source={"inline": "name\nAda\n"},
        key_columns=["id"],
    ),
    "a request of a subject who may not import was refused": _request(
        "7303",
        "token-of-vera",
        import_id="people-2026-05-06",
        dataset="people",
        source={"inline": PEOPLE_CSV},
    ),
    "a request without a token was refused": _request(
        "7304",
        None,
        import_id="people-2026-05-07",
        dataset="people",
        source={"inline": PEOPLE_CSV},
    ),
    "a message that is not JSON was dead-lettered": IncomingRequest(
        message_id="7305", body=b"id,name\n1,Ada\n", attributes={"correlation_id": "corr-7305"}
    ),
}
READS: Mapping[str, GetRecord] = {
    "an operator read a stored record of people": GetRecord(dataset="people", key=("1",)),
    "an operator looked for the record of people whose row was rejected": GetRecord(
        dataset="people", key=("2",)
    ),
}

SCENARIO_NAMES = (*SCENARIOS, *READS)
