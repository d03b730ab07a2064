import threading
from functools import cached_property, partial
from typing import Protocol, TypeVar

from adapters.observability.otel_worker_metrics import OtelWorkerMetrics
from application.ports.import_writer import ImportWriter
from application.services.cached_repeat_answers import CachedRepeatAnswers
from application.services.import_recorder import ImportRecorder
from application.use_cases.dead_letter_message import DeadLetterMessageUseCase
from application.use_cases.import_data import ImportDataUseCase
from application.use_cases.measure_outbox import MeasureOutboxUseCase
from application.use_cases.relay_outbox import RelayOutboxUseCase
from worker.composition.components import Components
from worker.composition.health_components import HealthComponents
from worker.composition.messaging_components import MessagingComponents
from worker.consumer.batched_import_writer import BatchedImportWriter
from worker.consumer.import_execution import ImportExecution
from worker.consumer.import_request_handler import ImportRequestHandler, MessageMetrics, Tracing
from worker.consumer.outbox_backlog_report import OutboxBacklogReport
from worker.consumer.outbox_relayer import OutboxRelayer
from worker.consumer.pull_supervisor import PullSupervisor, RequiredDependency
from worker.consumer.stopping_progress import StoppingProgress
from worker.consumer.streamed_imports import StreamedImports
from worker.consumer.worker_runtime import WorkerRuntime, WorkerSignals

STORE = "store"


class Closeable(Protocol):
    def close(self) -> None: ...


Started = TypeVar("Started", bound=Closeable)


class WorkerComponents:
    """`import-worker run`: the consume loop, its imports, the outbox relay and the sidecar."""

    def __init__(self, root: Components, messaging: MessagingComponents) -> None:
        self.root = root
        self.messaging = messaging
        self._settings = root.settings
        self._threads: list[Closeable] = []

    @cached_property
    def signals(self) -> WorkerSignals:
        return WorkerSignals(
            stop_requested=threading.Event(),
            draining=threading.Event(),
            stopping=threading.Event(),
        )

    @cached_property
    def relay(self) -> RelayOutboxUseCase:
        return RelayOutboxUseCase(uow=self.root.uow, publisher=self.messaging.publisher)

    @cached_property
    def recorder(self) -> ImportRecorder:
        return self.root.recorder(self.relay, self.worker_metrics)

    @cached_property
    def batch_writer(self) -> BatchedImportWriter:
        return self._started(
            BatchedImportWriter(
                self.recorder.write_all, max_batch=self._settings.import_batch_max_messages
            )
        )

    @cached_property
    def import_alone(self) -> ImportDataUseCase:
        return self._import_data(self.recorder)

    @cached_property
    def import_in_batches(self) -> ImportDataUseCase:
        return self._import_data(self.batch_writer)

    @cached_property
    def streamed_imports(self) -> StreamedImports:
        return self._started(
            StreamedImports(
                self.import_alone.execute, concurrency=self._settings.import_streamed_concurrency
            )
        )

    @cached_property
    def execution(self) -> ImportExecution:
        return ImportExecution(
            in_batches=self.import_in_batches.execute, alone=self.streamed_imports
        )

    @cached_property
    def worker_metrics(self) -> OtelWorkerMetrics:
        """The one recording object of the worker's metrics, served on /metrics."""
        metrics = self.root.telemetry.metrics
        self.root.resilience.watch.subscribe(metrics.circuit_state)
        return metrics

    @cached_property
    def metrics(self) -> MessageMetrics:
        return self.root.overrides.get("metrics") or self.worker_metrics

    @cached_property
    def tracing(self) -> Tracing:
        return self.root.overrides.get("tracing") or self.root.telemetry.message_tracing.span

    @cached_property
    def relayer(self) -> OutboxRelayer:
        report = OutboxBacklogReport(
            measure=MeasureOutboxUseCase(uow=self.root.uow).execute, gauge=self.worker_metrics
        )
        return OutboxRelayer(self.relay, report=report)

    @cached_property
    def handler(self) -> ImportRequestHandler:
        return ImportRequestHandler(
            imports=self.execution,
            dead_letter=DeadLetterMessageUseCase(
                publisher=self.messaging.publisher,
                dead_letter_topic=self._settings.dead_letter_topic,
                messages=self.root.outcome_messages,
            ),
            ids=self.root.ids,
            metrics=self.metrics,
            tracing=self.tracing,
        )

    @cached_property
    def health(self) -> HealthComponents:
        return HealthComponents(self)

    @cached_property
    def supervisor(self) -> PullSupervisor:
        messaging = self.messaging
        return PullSupervisor(
            subscriber=messaging.subscriber,
            handle=self.handler,
            required=(
                RequiredDependency(
                    policy=self.root.resilience.policy(STORE), trial=self.health.repository.check
                ),
                RequiredDependency(
                    policy=messaging.publish_policy,
                    trial=partial(
                        messaging.pubsub_publisher.probe, self._settings.import_results_topic
                    ),
                ),
                RequiredDependency(policy=messaging.pull_policy, trial=messaging.subscriber.probe),
                *self.root.sources.required(),
            ),
            pull=messaging.pull_policy,
            pulling=self.worker_metrics.pulling,
            grace_seconds=self._settings.shutdown_grace_seconds,
        )

    @cached_property
    def runtime(self) -> WorkerRuntime:
        subscriber = self.messaging.subscriber
        return WorkerRuntime(
            subscriber=subscriber,
            supervisor=self.supervisor,
            relayer=self.relayer,
            sidecar=self.health.server,
            heartbeat=self.health.liveness,
            signals=self.signals,
            grace_seconds=self._settings.shutdown_grace_seconds,
            resources=(
                subscriber,
                self.batch_writer,
                self.streamed_imports,
                self.messaging.publisher,
                self.root.uow,
                self.root.caching,
                self.root.secrets,
            ),
        )

    def close(self) -> None:
        """Stops the threads its parts started; the runtime closes the rest when it drains."""
        for started in reversed(self._threads):
            started.close()

    def _started(self, part: Started) -> Started:
        self._threads.append(part)
        return part

    def _import_data(self, writer: ImportWriter) -> ImportDataUseCase:
        return self.root.import_data(
            auth=self.root.auth,
            source=self.root.message_source,
            writer=CachedRepeatAnswers(
                writer=writer,
                completed=self.root.caching.completed_imports(self.worker_metrics),
                messages=self.root.outcome_messages,
                publisher=self.messaging.publisher,
            ),
            progress=self.root.overrides.get("progress") or StoppingProgress(self.signals.stopping),
        )
