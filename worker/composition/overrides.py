from typing import TypedDict

from opentelemetry.trace import Tracer

from application.ports.cache import Cache
from application.ports.clock import Clock
from application.ports.id_generator import IdGenerator
from application.ports.import_progress import ImportProgress
from application.ports.message_publisher import MessagePublisher
from application.ports.outbox_hand_over import OutboxHandOver
from application.ports.record_source import RecordSource
from application.ports.token_verifier import TokenVerifier
from application.ports.trace_context import TraceContext
from application.ports.unit_of_work import UnitOfWork
from worker.consumer.import_request_handler import MessageMetrics, Tracing


class Overrides(TypedDict, total=False):
    """Collaborators given from outside, in place of the ones the settings describe."""

    uow: UnitOfWork
    cache: Cache
    publisher: MessagePublisher
    hand_over: OutboxHandOver
    token_verifier: TokenVerifier
    message_source: RecordSource
    progress: ImportProgress
    clock: Clock
    ids: IdGenerator
    trace: TraceContext
    metrics: MessageMetrics
    tracing: Tracing
    tracer: Tracer
