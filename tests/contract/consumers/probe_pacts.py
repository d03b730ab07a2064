from typing import Any

from pact import Pact, match

from tests.contract.consumers.probes import ACCEPT as PROMETHEUS_ACCEPT
from tests.contract.pact_documents import Interaction, PactDocument

PROVIDER = "import-worker-health"
EVERY_DEPENDENCY_ANSWERS = "Pub/Sub, the database and the Redis cache answer"
CACHE_DOWN = "the Redis cache is down"
DATABASE_DOWN = "the database is down"
DRAINING = "the worker is draining"
STUCK = "the consume loop is stuck"
VAULT_UNREACHABLE = "Vault does not answer while the leased credentials are valid"
TEXT_EXPOSITION = "text/plain; version=1.0.0; charset=utf-8"
METRICS_CONTENT_TYPE = r"^text/plain; version=\d+\.\d+\.\d+(; charset=utf-8)?$"
METRICS_EXAMPLE = (
    "# HELP import_worker_messages_total Import request messages handled, by outcome\n"
    "# TYPE import_worker_messages_total counter\n"
    'import_worker_messages_total{outcome="completed"} 0.0\n'
)
METRIC_LINE = r'^[\s\S]*\nimport_worker_messages_total\{outcome="completed"\} \S+\n[\s\S]*$'


def check(status: str) -> dict[str, Any]:
    return {"status": status, "latency_ms": match.number(1.5)}


def _probe(
    path: str, status: int, body: dict[str, Any], given: str | None = None, method: str = "GET"
) -> Interaction:
    def interaction(pact: Pact, description: str) -> None:
        defined = pact.upon_receiving(description)
        if given is not None:
            defined.given(given)
        (
            defined.with_request(method, path)
            .will_respond_with(status)
            .with_body(body, content_type="application/json")
        )

    return interaction


def _method_not_allowed(pact: Pact, description: str) -> None:
    (
        pact.upon_receiving(description)
        .with_request("POST", "/livez")
        .will_respond_with(405)
        .with_header("Allow", "GET, HEAD")
        .with_body({"error": "method not allowed"}, content_type="application/json")
    )


def _scrape(pact: Pact, description: str) -> None:
    (
        pact.upon_receiving(description)
        .given(EVERY_DEPENDENCY_ANSWERS)
        .with_request("GET", "/metrics")
        .with_header("Accept", PROMETHEUS_ACCEPT)
        .will_respond_with(200)
        .with_header("Content-Type", match.regex(TEXT_EXPOSITION, regex=METRICS_CONTENT_TYPE))
        .with_body(METRICS_EXAMPLE, content_type=TEXT_EXPOSITION)
        .with_matching_rules(
            {"body": {"$": {"matchers": [{"match": "regex", "regex": METRIC_LINE}]}}}
        )
    )


KUBELET_PACT = PactDocument(
    consumer="kubelet",
    provider=PROVIDER,
    interactions={
        "a liveness probe while the consume loop makes progress": _probe(
            "/livez", 200, {"status": "up"}, EVERY_DEPENDENCY_ANSWERS
        ),
        "a liveness probe while the consume loop is stuck": _probe(
            "/livez", 503, {"status": "down"}, STUCK
        ),
        "a readiness probe while every dependency answers": _probe(
            "/readyz",
            200,
            {"status": "up", "checks": {"pubsub": check("up"), "repository": check("up")}},
            EVERY_DEPENDENCY_ANSWERS,
        ),
        "a readiness probe while only the Redis cache is down": _probe(
            "/readyz",
            200,
            {"status": "degraded", "checks": {"repository": check("up"), "cache": check("down")}},
            CACHE_DOWN,
        ),
        "a readiness probe while Vault does not answer but the leases are valid": _probe(
            "/readyz",
            200,
            {
                "status": "degraded",
                "checks": {"repository": check("up"), "vault": check("degraded")},
            },
            VAULT_UNREACHABLE,
        ),
        "a readiness probe while the database is down": _probe(
            "/readyz",
            503,
            {"status": "down", "checks": {"repository": check("down")}},
            DATABASE_DOWN,
        ),
        "a readiness probe while the worker drains": _probe(
            "/readyz", 503, {"status": "down", "draining": True}, DRAINING
        ),
        "a probe of a path the sidecar does not serve": _probe(
            "/healthz", 404, {"error": "not found"}
        ),
        "a probe with a method other than GET or HEAD": _method_not_allowed,
    },
)
PROMETHEUS_PACT = PactDocument(
    consumer="prometheus",
    provider=PROVIDER,
    interactions={"a scrape of the worker's metrics": _scrape},
)
