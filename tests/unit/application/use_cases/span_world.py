from collections.abc import Iterator
from dataclasses import dataclass, field

from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from adapters.observability.otel_producer_trace_context import OtelProducerTraceContext
from adapters.persistence.memory.unit_of_work import InMemoryUnitOfWork
from application.ports.outbound_message import OutboundMessage
from application.ports.record_source import RecordSource
from application.use_cases.import_data import ImportData
from domain.lifecycle.import_answer import ImportAnswer
from tests.fakes.fake_message_publisher import FakeMessagePublisher
from tests.fakes.fake_token_verifier import FakeTokenVerifier
from tests.fakes.fixed_clock import FixedClock
from tests.fakes.recording_hand_over import RecordingHandOver
from tests.fakes.sequential_id_generator import SequentialIdGenerator
from tests.unit.application.use_cases.import_data_examples import IDENTITIES, SETTINGS, STARTED_AT
from worker.bootstrap import bootstrap
from worker.composition.components import Components

CONSUMER = "import-requests process"


@dataclass
class SpanWorld:
    exporter: InMemorySpanExporter = field(default_factory=InMemorySpanExporter)
    provider: TracerProvider = field(default_factory=TracerProvider)
    uow: InMemoryUnitOfWork = field(default_factory=InMemoryUnitOfWork)
    built: list[Components] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.provider.add_span_processor(SimpleSpanProcessor(self.exporter))

    def components(self, source: RecordSource) -> Components:
        tracer = self.provider.get_tracer("test")
        components = bootstrap(
            SETTINGS,
            uow=self.uow,
            publisher=FakeMessagePublisher(),
            hand_over=RecordingHandOver(),
            token_verifier=FakeTokenVerifier(IDENTITIES),
            message_source=source,
            clock=FixedClock(STARTED_AT),
            ids=SequentialIdGenerator(),
            trace=OtelProducerTraceContext(tracer),
            tracer=tracer,
        )
        self.built.append(components)
        return components

    def alone(self, source: RecordSource, command: ImportData) -> ImportAnswer:
        with self.provider.get_tracer("test").start_as_current_span(CONSUMER):
            return self.components(source).worker.import_alone.execute(command)

    def in_batch(self, source: RecordSource, command: ImportData) -> ImportAnswer:
        with self.provider.get_tracer("test").start_as_current_span(CONSUMER):
            return self.components(source).worker.import_in_batches.execute(command)

    def close(self) -> None:
        for components in self.built:
            components.close()
        self.provider.shutdown()

    def published(self) -> list[OutboundMessage]:
        with self.uow as uow:
            return [entry.message for entry in uow.outbox.pending(100)]

    def spans(self) -> list[ReadableSpan]:
        return list(self.exporter.get_finished_spans())

    def named(self, name: str) -> ReadableSpan:
        return next(span for span in self.spans() if span.name == name)

    def parent_name(self, name: str) -> str | None:
        parent = self.named(name).parent
        by_id = {span.context.span_id: span.name for span in self.spans()}
        return None if parent is None else by_id.get(parent.span_id)


def span_world() -> Iterator[SpanWorld]:
    world = SpanWorld()
    yield world
    world.close()


def trace_id(span: ReadableSpan) -> str:
    return trace.format_trace_id(span.context.trace_id)
