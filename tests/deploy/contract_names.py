import inspect
from dataclasses import asdict
from typing import Any

from adapters.messaging.pubsub_topology import PubSubTopology
from adapters.messaging.topology_names import TopologyNames
from opentelemetry.sdk.resources import Resource

from adapters.observability.otel_metric_pipeline import metric_pipeline
from adapters.observability.otel_worker_metrics import OtelWorkerMetrics
from shared.configuration import Settings

SETTINGS = frozenset(name.upper() for name in Settings.model_fields)
CONVENTION_PREFIXES = ("OTEL_", "GOOGLE_")
CONVENTION_VARIABLES = frozenset({"PUBSUB_EMULATOR_HOST", "STORAGE_EMULATOR_HOST"})
CONTRACT_VARIABLES_AHEAD_OF_SETTINGS = {
    "IMPORT_MAX_ROW_BYTES": "contract section 6: the longest CSV record, read once it is bounded",
}
CONTRACT_METRICS = frozenset(
    {
        "import_worker_messages_total",
        "import_worker_rows_imported_total",
        "import_worker_rows_rejected_total",
        "import_worker_import_duration_seconds",
        "import_worker_messages_in_flight",
        "import_worker_outbox_pending",
        "import_worker_outbox_oldest_age_seconds",
        "import_worker_circuit_state",
        "import_worker_cache_requests_total",
        "import_worker_pulling",
    }
)
HISTOGRAM_SUFFIXES = ("_bucket", "_count", "_sum")


def unknown_variables(names: set[str]) -> list[str]:
    return sorted(name for name in names if not _is_known(name))


def _is_known(name: str) -> bool:
    return (
        name in SETTINGS
        or name in CONTRACT_VARIABLES_AHEAD_OF_SETTINGS
        or name in CONVENTION_VARIABLES
        or name.startswith(CONVENTION_PREFIXES)
    )


def setting_default(name: str) -> Any:
    return Settings.model_fields[name.lower()].default


def topology_variables() -> dict[str, str]:
    return {field.upper(): value for field, value in asdict(TopologyNames()).items()}


def subscription_policy_defaults() -> dict[str, int]:
    parameters = inspect.signature(PubSubTopology.__init__).parameters
    names = [
        "ack_deadline_seconds",
        "minimum_backoff_seconds",
        "maximum_backoff_seconds",
        "max_delivery_attempts",
    ]
    return {name: parameters[name].default for name in names}


def exposed_metrics() -> frozenset[str]:
    pipeline = metric_pipeline(resource=Resource.create(), exporter=None)
    OtelWorkerMetrics(pipeline).message_finished("completed", duration_seconds=0.1)
    families = pipeline.registry.collect()
    samples = {sample.name for family in families for sample in family.samples}
    return frozenset(samples | {_without_histogram_suffix(name) for name in samples})


def _without_histogram_suffix(name: str) -> str:
    suffixes = [suffix for suffix in HISTOGRAM_SUFFIXES if name.endswith(suffix)]
    return name.removesuffix(suffixes[0]) if suffixes else name
