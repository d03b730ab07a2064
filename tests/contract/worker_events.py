import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import SecretStr

from adapters.observability.null_import_progress import NullImportProgress
from application.ports.outbound_message import OutboundMessage
from application.use_cases.dead_letter_message import DeadLetterMessage, DeadLetterMessageUseCase
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from shared.configuration import Settings
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.fake_trace_context import FakeTraceContext
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.recording_hand_over import RecordingHandOver
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from worker.bootstrap import bootstrap
from worker.composition.cache_components import UNCOUNTED
from worker.composition.components import Components
from worker.messages.import_request_parser import parse_import_request
from worker.messages.malformed_message_error import MalformedMessageError

SETTINGS = Settings(
    database_url=SecretStr("memory://"), auth_mode="jwt", google_cloud_project="contracts"
)
STARTED_AT = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)
TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
TOKENS = {
    "token-of-ada": UserIdentity(subject="ada", roles=frozenset({UserRole.IMPORTER})),
    "token-of-vera": UserIdentity(subject="vera", roles=frozenset({UserRole.VIEWER})),
}
PEOPLE_CSV = "id,name,age\n1,Ada,36\n2,Bob,forty\n"


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
    "an import of people completed with one rejected row": _request(
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


def worker_messages(scenario: str) -> list[OutboundMessage]:
    """What the worker publishes for the scenario's request, built by its own use cases."""
    request = SCENARIOS[scenario]
    hand_over = RecordingHandOver()
    publisher = FakeMessagePublisher()
    components = bootstrap(
        SETTINGS,
        clock=FixedClock(STARTED_AT, tick=timedelta(milliseconds=250)),
        ids=SequentialIdGenerator(),
        trace=FakeTraceContext(TRACEPARENT),
        token_verifier=FakeTokenVerifier(TOKENS),
        hand_over=hand_over,
        publisher=publisher,
    )
    try:
        _answer(components, request)
    except MalformedMessageError as error:
        _dead_letter(components, request, error)
    handed_over = [pending.message for batch in hand_over.handed_over for pending in batch]
    return handed_over + publisher.published


def _answer(components: Components, request: IncomingRequest) -> None:
    command = parse_import_request(
        data=request.data,
        attributes=request.attributes,
        request_id=request.message_id,
        correlation_id=request.attributes["correlation_id"],
    )
    use_case = components.import_data(
        auth=components.auth,
        source=components.message_source,
        writer=components.recorder(RecordingHandOver(), UNCOUNTED),
        progress=NullImportProgress(),
    )
    use_case.execute(command)


def _dead_letter(
    components: Components, request: IncomingRequest, error: MalformedMessageError
) -> None:
    use_case = DeadLetterMessageUseCase(
        publisher=components.messaging.publisher,
        dead_letter_topic=SETTINGS.dead_letter_topic,
        messages=components.outcome_messages,
    )
    use_case.execute(
        DeadLetterMessage(
            message_id=request.message_id,
            data=request.data,
            attributes=request.attributes,
            reason=error.reason,
            error=str(error),
            correlation_id=request.attributes["correlation_id"],
        )
    )
