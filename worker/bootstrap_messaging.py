import logging
import threading
from dataclasses import dataclass

from pydantic import SecretStr

from adapters.messaging.pubsub_dead_letter_replayer import PubSubDeadLetterReplayer
from adapters.messaging.pubsub_message_publisher import PubSubMessagePublisher
from adapters.messaging.pubsub_subscriber import PubSubSubscriber
from adapters.messaging.pubsub_topology import PubSubTopology
from adapters.messaging.topology_names import TopologyNames
from adapters.observability.null_import_progress import NullImportProgress
from adapters.observability.otel_tracing import OtelTracing, unexported_tracer_provider
from adapters.observability.prometheus_worker_metrics import PrometheusWorkerMetrics
from adapters.security.jwt_token_issuer import JwtTokenIssuer
from adapters.security.shared_secret_key_resolver import SharedSecretKeyResolver
from adapters.security.token_verifier_factory import build_token_verifier
from adapters.system.cached_probe import CachedProbe
from adapters.system.pubsub_subscription_probe import PubSubSubscriptionProbe
from adapters.system.repository_probe import RepositoryProbe
from adapters.system.system_clock import SystemClock
from adapters.system.time_bound_probe import TimeBoundProbe
from adapters.system.uuid_id_generator import UuidIdGenerator
from application.ports.health_probe import HealthProbe
from application.ports.outbox_hand_over import OutboxHandOver
from application.ports.unit_of_work import UnitOfWork
from application.services.auth_service import AuthService
from application.use_cases.check_health import CheckHealthUseCase
from application.use_cases.dead_letter_message import DeadLetterMessageUseCase
from application.use_cases.import_batch import ImportBatchUseCase, StagedImport
from application.use_cases.relay_outbox import RelayOutboxUseCase
from shared.configuration import Settings
from shared.configuration_error import ConfigurationError
from worker import bootstrap
from worker.consumer.import_batcher import ImportBatcher
from worker.consumer.import_request_handler import ImportRequestHandler
from worker.consumer.outbox_relayer import OutboxRelayer
from worker.consumer.streamed_imports import StreamedImports
from worker.consumer.worker_runtime import WorkerRuntime, WorkerSignals
from worker.health.health_server import HealthServer
from worker.health.liveness_monitor import LivenessMonitor

logger = logging.getLogger(__name__)


def project_id(settings: Settings) -> str:
    if not settings.google_cloud_project:
        raise ConfigurationError("GOOGLE_CLOUD_PROJECT must be set")
    return settings.google_cloud_project


def topology_names(settings: Settings) -> TopologyNames:
    return TopologyNames(
        import_requests_topic=settings.import_requests_topic,
        import_requests_subscription=settings.import_requests_subscription,
        import_results_topic=settings.import_results_topic,
        audit_events_topic=settings.audit_events_topic,
        dead_letter_topic=settings.dead_letter_topic,
        dead_letter_subscription=settings.dead_letter_subscription,
    )


def build_topology(settings: Settings) -> PubSubTopology:
    return PubSubTopology(project_id=project_id(settings), names=topology_names(settings))


def build_publisher(settings: Settings) -> PubSubMessagePublisher:
    return PubSubMessagePublisher(project_id=project_id(settings))


def build_dead_letter_replayer(settings: Settings) -> PubSubDeadLetterReplayer:
    return PubSubDeadLetterReplayer(
        project_id=project_id(settings),
        publisher=build_publisher(settings),
        clock=SystemClock(),
        names=topology_names(settings),
    )


def build_subscriber(settings: Settings) -> PubSubSubscriber:
    return PubSubSubscriber(
        project_id=project_id(settings),
        subscription=settings.import_requests_subscription,
        max_messages=settings.pubsub_max_outstanding_messages,
        max_bytes=settings.pubsub_max_outstanding_bytes,
        max_lease_duration_seconds=settings.pubsub_max_lease_seconds,
        callback_threads=settings.pubsub_callback_threads,
        probe_timeout_seconds=settings.health_probe_timeout_seconds,
    )


def build_auth(settings: Settings) -> AuthService:
    try:
        verifier = build_token_verifier(
            mode=settings.auth_mode,
            secret=_secret(settings.auth_jwt_secret),
            public_key=_secret(settings.auth_jwt_public_key),
            jwks_url=None if settings.auth_jwks_url is None else str(settings.auth_jwks_url),
            jwks_allow_insecure_loopback=settings.auth_jwks_allow_insecure_loopback,
            issuer=settings.auth_issuer,
            audience=settings.auth_audience,
        )
    except ValueError as error:
        raise ConfigurationError(str(error)) from error
    if verifier is None:
        logger.warning("auth.disabled", extra={"acting_as": "anonymous importer"})
    return AuthService(verifier)


def build_probes(settings: Settings, subscriber: PubSubSubscriber) -> list[HealthProbe]:
    timeout = settings.health_probe_timeout_seconds
    probes: list[HealthProbe] = [
        PubSubSubscriptionProbe(subscriber),
        RepositoryProbe(bootstrap.build_unit_of_work(settings, per_thread=False)),
    ]
    return [CachedProbe(TimeBoundProbe(probe, timeout_seconds=timeout)) for probe in probes]


def build_worker(settings: Settings) -> WorkerRuntime:
    signals = WorkerSignals(
        stop_requested=threading.Event(), draining=threading.Event(), stopping=threading.Event()
    )
    subscriber = build_subscriber(settings)
    publisher = build_publisher(settings)
    uow = bootstrap.build_unit_of_work(settings)
    relay = RelayOutboxUseCase(uow=uow, publisher=publisher)
    imports = build_imports(settings, uow=uow, stopping=signals.stopping, hand_over=relay)
    metrics = PrometheusWorkerMetrics()
    liveness = LivenessMonitor(subscriber)
    return WorkerRuntime(
        subscriber=subscriber,
        handle=build_handler(settings, imports, publisher=publisher, metrics=metrics),
        relayer=OutboxRelayer(relay),
        sidecar=build_sidecar(settings, subscriber, liveness, signals, metrics),
        heartbeat=liveness,
        signals=signals,
        grace_seconds=settings.shutdown_grace_seconds,
        resources=(subscriber, imports.batched, imports.streamed, publisher, uow),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkerImports:
    streamed: StreamedImports
    batch: ImportBatchUseCase
    batched: ImportBatcher[StagedImport]


def build_imports(
    settings: Settings, *, uow: UnitOfWork, stopping: threading.Event, hand_over: OutboxHandOver
) -> WorkerImports:
    auth = build_auth(settings)
    source = bootstrap.build_message_record_source(settings)
    single = bootstrap.build_import_data(
        settings,
        uow=uow,
        auth=auth,
        source=source,
        progress=NullImportProgress(),
        stopping=stopping,
        hand_over=hand_over,
    )
    batch = bootstrap.build_import_batch(
        settings, uow=uow, auth=auth, source=source, hand_over=hand_over
    )
    return WorkerImports(
        streamed=StreamedImports(single.execute, concurrency=settings.import_streamed_concurrency),
        batch=batch,
        batched=ImportBatcher(batch.store, max_batch=settings.import_batch_max_messages),
    )


def build_handler(
    settings: Settings,
    imports: WorkerImports,
    *,
    publisher: PubSubMessagePublisher,
    metrics: PrometheusWorkerMetrics,
) -> ImportRequestHandler:
    return ImportRequestHandler(
        import_batch=imports.batch,
        batched=imports.batched,
        streamed=imports.streamed,
        dead_letter=DeadLetterMessageUseCase(
            publisher=publisher,
            dead_letter_topic=settings.dead_letter_topic,
            messages=bootstrap.build_event_messages(settings),
            clock=SystemClock(),
            ids=UuidIdGenerator(),
        ),
        ids=UuidIdGenerator(),
        metrics=metrics,
        tracing=OtelTracing(unexported_tracer_provider()).span,
    )


def build_sidecar(
    settings: Settings,
    subscriber: PubSubSubscriber,
    liveness: LivenessMonitor,
    signals: WorkerSignals,
    metrics: PrometheusWorkerMetrics,
) -> HealthServer:
    return HealthServer(
        settings.health_host,
        settings.health_port,
        liveness=liveness.alive,
        readiness=CheckHealthUseCase(probes=build_probes(settings, subscriber)).execute,
        draining=signals.draining.is_set,
        metrics=metrics.exposition,
    )


def _secret(value: SecretStr | None) -> str | None:
    return None if value is None else value.get_secret_value()


def build_token_issuer(settings: Settings) -> JwtTokenIssuer:
    secret = _secret(settings.auth_jwt_secret)
    if secret is None:
        raise ConfigurationError("AUTH_JWT_SECRET must be set to mint development tokens")
    try:
        SharedSecretKeyResolver(secret)
        return JwtTokenIssuer(
            secret,
            clock=SystemClock(),
            issuer=settings.auth_issuer,
            audience=settings.auth_audience,
        )
    except ValueError as error:
        raise ConfigurationError(str(error)) from error


def build_health_check(settings: Settings) -> CheckHealthUseCase:
    return CheckHealthUseCase(probes=build_probes(settings, build_subscriber(settings)))
