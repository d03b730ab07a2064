from datetime import UTC, datetime, timedelta

import pytest
from pydantic import SecretStr

from adapters.observability.null_import_progress import NullImportProgress
from application.ports.outbound_message import OutboundMessage
from application.use_cases.dead_letter_message import DeadLetterMessage, DeadLetterMessageUseCase
from application.use_cases.get_data import GetRecord
from domain.auth.user_identity import UserIdentity
from domain.enums.user_role import UserRole
from shared.configuration import Settings
from tests.contract.worker_scenarios import (
    COMPLETED,
    OPERATOR,
    READS,
    SCENARIOS,
    TRACEPARENT,
    IncomingRequest,
)
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
TOKENS = {
    "token-of-ada": UserIdentity(subject="ada", roles=frozenset({UserRole.IMPORTER})),
    "token-of-vera": UserIdentity(subject="vera", roles=frozenset({UserRole.VIEWER})),
}


def worker_messages(scenario: str) -> list[OutboundMessage]:
    """What the worker publishes for the scenario's request, or for an operator's `records get`
    once people were imported, built by its own use cases."""
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
    if scenario in READS:
        return _read(components, READS[scenario], publisher)
    _handle(components, SCENARIOS[scenario])
    handed_over = [pending.message for batch in hand_over.handed_over for pending in batch]
    return handed_over + publisher.published


def _handle(components: Components, request: IncomingRequest) -> None:
    try:
        _answer(components, request)
    except MalformedMessageError as error:
        _dead_letter(components, request, error)


def _read(
    components: Components, query: GetRecord, publisher: FakeMessagePublisher
) -> list[OutboundMessage]:
    _answer(components, SCENARIOS[COMPLETED])
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LOGNAME", OPERATOR)
        components.messaging.audited_record_reads.execute(query)
    return publisher.published


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
