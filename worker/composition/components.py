import logging
from functools import cached_property
from typing import TYPE_CHECKING

from adapters.file_importer.csv_record_source import CsvRecordSource
from adapters.file_importer.csv_tabular_reader import CsvTabularReader
from adapters.file_importer.local_file_opener import LocalFileOpener
from adapters.persistence.unit_of_work_factory import create_unit_of_work
from adapters.security.jwt_token_issuer import JwtTokenIssuer
from adapters.system.system_clock import SystemClock
from adapters.system.uuid_id_generator import UuidIdGenerator
from application.ports.clock import Clock
from application.ports.id_generator import IdGenerator
from application.ports.import_progress import ImportProgress
from application.ports.import_writer import ImportWriter
from application.ports.outbox_hand_over import OutboxHandOver
from application.ports.record_source import RecordSource
from application.ports.unit_of_work import UnitOfWork
from application.services.auth_service import AuthService
from application.services.cache_requests import CacheMetrics
from application.services.outcome_messages import OutcomeMessages, EventTopics
from application.services.import_attempts import ImportAttempts
from application.services.import_recorder import ImportRecorder
from application.services.no_hand_over import NoHandOver
from application.use_cases.get_data import GetDataUseCase
from application.use_cases.import_data import ImportDataUseCase
from application.use_cases.show_import import ShowImportUseCase
from shared.configuration import Settings
from shared.configuration_error import ConfigurationError
from worker.composition.auth_components import configured_verifier, development_token_issuer
from worker.composition.cache_components import UNCOUNTED, CacheComponents
from worker.composition.message_sources import MessageSources
from worker.composition.resilience import Resilience
from worker.composition.operator_login import operator_importer, operator_progress
from worker.composition.overrides import Overrides
from worker.composition.secret_components import SecretComponents
from worker.composition.telemetry_components import TelemetryComponents

if TYPE_CHECKING:
    from worker.composition.messaging_components import MessagingComponents
    from worker.composition.worker_components import WorkerComponents

logger = logging.getLogger(__name__)


class Components:
    """Every collaborator of the program, each built once, when first asked for. The Pub/Sub
    parts load only for the commands that use them, so that the others start fast."""

    def __init__(self, settings: Settings, overrides: Overrides) -> None:
        self.settings = settings
        self.overrides = overrides
        self.telemetry = TelemetryComponents(settings, overrides)
        self.caching = CacheComponents(self)

    @cached_property
    def clock(self) -> Clock:
        return self.overrides.get("clock") or SystemClock()

    @cached_property
    def ids(self) -> IdGenerator:
        return self.overrides.get("ids") or UuidIdGenerator()

    @cached_property
    def resilience(self) -> Resilience:
        return Resilience(self.settings)

    @cached_property
    def uow(self) -> UnitOfWork:
        return self.overrides.get("uow") or self.unit_of_work(per_thread=True)

    def unit_of_work(self, *, per_thread: bool) -> UnitOfWork:
        """A unit of work on the configured store, logged in with leased credentials if any,
        every transaction through the store's policy."""
        try:
            return create_unit_of_work(
                str(self.secret("DATABASE_URL")),
                per_thread=per_thread,
                credentials=self.secrets.database_credentials,
                policy=self.resilience.policy("store"),
            )
        except ValueError as error:
            raise ConfigurationError(f"DATABASE_URL: {error}") from error

    @cached_property
    def outcome_messages(self) -> OutcomeMessages:
        topics = EventTopics(
            results=self.settings.import_results_topic, audit=self.settings.audit_events_topic
        )
        return OutcomeMessages(
            topics=topics, clock=self.clock, ids=self.ids, trace=self.telemetry.trace_context
        )

    @cached_property
    def attempts(self) -> ImportAttempts:
        return ImportAttempts(clock=self.clock, ids=self.ids, trace=self.telemetry.trace_context)

    @cached_property
    def auth(self) -> AuthService:
        verifier = self.overrides.get("token_verifier") or configured_verifier(
            self.settings,
            self.secrets.provider,
            self.caching.shared_key_sets,
            self.resilience.policy("jwks"),
        )
        if verifier is None:
            logger.warning("auth.disabled", extra={"acting_as": "anonymous importer"})
        return AuthService(verifier)

    @cached_property
    def sources(self) -> MessageSources:
        return MessageSources(self.settings, self.resilience)

    @cached_property
    def message_source(self) -> RecordSource:
        return self.overrides.get("message_source") or self.sources.record_source

    @cached_property
    def get_data(self) -> GetDataUseCase:
        return GetDataUseCase(uow=self.uow, cache=self.caching.record_cache())

    @cached_property
    def show_import(self) -> ShowImportUseCase:
        return ShowImportUseCase(uow=self.uow, completed=self.caching.completed_imports())

    @cached_property
    def token_issuer(self) -> JwtTokenIssuer:
        return development_token_issuer(self.settings, self.secrets.provider, self.clock)

    @cached_property
    def secrets(self) -> SecretComponents:
        return SecretComponents(self.settings, self.resilience.policy("vault"))

    def secret(self, name: str) -> str | None:
        """The value of a secret setting, wherever it is kept; None when unset."""
        return self.secrets.provider.secret(name)

    @cached_property
    def messaging(self) -> "MessagingComponents":
        from worker.composition.messaging_components import MessagingComponents

        return MessagingComponents(self)

    @cached_property
    def worker(self) -> "WorkerComponents":
        from worker.composition.worker_components import WorkerComponents

        return WorkerComponents(self, self.messaging)

    def close(self) -> None:
        for part in ("worker", "caching", "secrets"):
            if part in self.__dict__:
                getattr(self, part).close()
        self.telemetry.close()

    def operator_import(self, *, interactive: bool) -> ImportDataUseCase:
        """`import FILE`: the operator reads a local file as themselves; the events stay in the
        outbox for a worker on the same store to publish."""
        return self.import_data(
            auth=AuthService(None, anonymous=operator_importer()),
            source=CsvRecordSource(openers={"file": LocalFileOpener()}, reader=CsvTabularReader()),
            writer=self.recorder(NoHandOver(), UNCOUNTED),
            progress=self.overrides.get("progress") or operator_progress(interactive),
        )

    def import_data(
        self,
        *,
        auth: AuthService,
        source: RecordSource,
        writer: ImportWriter,
        progress: ImportProgress,
    ) -> ImportDataUseCase:
        return ImportDataUseCase(
            auth=auth,
            source=source,
            attempts=self.attempts,
            writer=writer,
            progress=progress,
            tracer=self.telemetry.tracer,
        )

    def recorder(self, hand_over: OutboxHandOver, count: CacheMetrics) -> ImportRecorder:
        return ImportRecorder(
            uow=self.uow,
            messages=self.outcome_messages,
            hand_over=self.overrides.get("hand_over") or hand_over,
            completed=self.caching.completed_imports(count),
            record_cache=self.caching.record_cache(count),
            tracer=self.telemetry.tracer,
            store_attributes=self.telemetry.store_attributes,
        )
