import threading
from functools import cached_property
from typing import Protocol, TypeVar

from adapters.observability.otel_tracing import OtelTracing, unexported_tracer_provider
from adapters.observability.prometheus_worker_metrics import PrometheusWorkerMetrics
from adapters.persistence.unit_of_work_factory import create_unit_of_work
from adapters.system.cached_probe import CachedProbe
from adapters.system.pubsub_subscription_probe import PubSubSubscriptionProbe
from adapters.system.repository_probe import RepositoryProbe
from adapters.system.time_bound_probe import TimeBoundProbe
from application.ports.health_probe import HealthProbe
from application.ports.import_writer import ImportWriter
from application.services.cached_repeat_answers import CachedRepeatAnswers
from application.services.import_recorder import ImportRecorder
from application.use_cases.check_health import CheckHealthUseCase
from application.use_cases.dead_letter_message import DeadLetterMessageUseCase
from application.use_cases.import_data import ImportDataUseCase
from application.use_cases.relay_outbox import RelayOutboxUseCase
from worker.composition.components import Components
from worker.composition.messaging_components import MessagingComponents
from worker.consumer.batched_import_writer import BatchedImportWriter
from worker.consumer.import_execution import ImportExecution
from worker.consumer.import_request_handler import ImportRequestHandler, MessageMetrics, Tracing
from worker.consumer.outbox_relayer import OutboxRelayer
from worker.consumer.stopping_progress import StoppingProgress
from worker.consumer.streamed_imports import StreamedImports
from worker.consumer.worker_runtime import WorkerRuntime, WorkerSignals
from worker.health.health_server import HealthServer
from worker.health.liveness_monitor import LivenessMonitor


class Closeable(Protocol):
    def close(self) -> None: ...


Started = TypeVar("Started", bound=Closeable)


class WorkerComponents:
    """`import-worker run`: the consume loop, its imports, the outbox relay and the sidecar."""

    def __init__(self, root: Components, messaging: MessagingComponents) -> None:
        self._root = root
        self._messaging = messaging
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
        return RelayOutboxUseCase(uow=self._root.uow, publisher=self._messaging.publisher)

    @cached_property
    def recorder(self) -> ImportRecorder:
        return self._root.recorder(self.relay, self.prometheus)

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
    def prometheus(self) -> PrometheusWorkerMetrics:
        return PrometheusWorkerMetrics()

    @cached_property
    def metrics(self) -> MessageMetrics:
        return self._root.overrides.get("metrics") or self.prometheus

    @cached_property
    def tracing(self) -> Tracing:
        given = self._root.overrides.get("tracing")
        return given or OtelTracing(unexported_tracer_provider()).span

    @cached_property
    def handler(self) -> ImportRequestHandler:
        return ImportRequestHandler(
            imports=self.execution,
            dead_letter=DeadLetterMessageUseCase(
                publisher=self._messaging.publisher,
                dead_letter_topic=self._settings.dead_letter_topic,
                messages=self._root.outcome_messages,
            ),
            ids=self._root.ids,
            metrics=self.metrics,
            tracing=self.tracing,
        )

    @cached_property
    def health_check(self) -> CheckHealthUseCase:
        probe_uow = self._root.overrides.get("uow") or create_unit_of_work(
            self._settings.database_url, per_thread=False
        )
        probes: list[HealthProbe] = [
            PubSubSubscriptionProbe(self._messaging.subscriber),
            RepositoryProbe(probe_uow),
            *self._root.caching.probes(),
        ]
        timeout = self._settings.health_probe_timeout_seconds
        return CheckHealthUseCase(
            probes=[CachedProbe(TimeBoundProbe(probe, timeout_seconds=timeout)) for probe in probes]
        )

    @cached_property
    def liveness(self) -> LivenessMonitor:
        return LivenessMonitor(self._messaging.subscriber)

    @cached_property
    def sidecar(self) -> HealthServer:
        return HealthServer(
            self._settings.health_host,
            self._settings.health_port,
            liveness=self.liveness.alive,
            readiness=self.health_check.execute,
            draining=self.signals.draining.is_set,
            metrics=self.prometheus.exposition,
        )

    @cached_property
    def runtime(self) -> WorkerRuntime:
        subscriber = self._messaging.subscriber
        return WorkerRuntime(
            subscriber=subscriber,
            handle=self.handler,
            relayer=OutboxRelayer(self.relay),
            sidecar=self.sidecar,
            heartbeat=self.liveness,
            signals=self.signals,
            grace_seconds=self._settings.shutdown_grace_seconds,
            resources=(
                subscriber,
                self.batch_writer,
                self.streamed_imports,
                self._messaging.publisher,
                self._root.uow,
                self._root.caching,
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
        return self._root.import_data(
            auth=self._root.auth,
            source=self._root.message_source,
            writer=CachedRepeatAnswers(
                writer=writer,
                completed=self._root.caching.completed_imports(self.prometheus),
                messages=self._root.outcome_messages,
                publisher=self._messaging.publisher,
            ),
            progress=self._root.overrides.get("progress")
            or StoppingProgress(self.signals.stopping),
        )
