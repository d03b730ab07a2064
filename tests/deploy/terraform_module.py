from typing import Any

from tests.deploy.deploy_files import DEPLOY, hcl_document

MODULE = DEPLOY / "terraform" / "modules" / "import-worker"
TOPOLOGY_VARIABLES = (
    "import_requests_topic",
    "import_requests_subscription",
    "import_results_topic",
    "audit_events_topic",
    "dead_letter_topic",
    "dead_letter_subscription",
)


def _blocks(block_type: str) -> list[dict[str, Any]]:
    documents = [hcl_document(path) for path in sorted(MODULE.glob("*.tf"))]
    return [block for document in documents for block in document.get(block_type, [])]


def variable_defaults() -> dict[str, Any]:
    variables = {name: body for block in _blocks("variable") for name, body in block.items()}
    return {name: body["default"] for name, body in variables.items() if "default" in body}


def topology_defaults() -> dict[str, str]:
    defaults = variable_defaults()
    return {name.upper(): defaults[name] for name in TOPOLOGY_VARIABLES}


def resources(resource_type: str) -> dict[str, Any]:
    typed = [block[resource_type] for block in _blocks("resource") if resource_type in block]
    return {name: body for block in typed for name, body in block.items()}


def local_values() -> dict[str, Any]:
    return {name: value for block in _blocks("locals") for name, value in block.items()}


def grants_to(member: str) -> set[tuple[str, str]]:
    grants = {
        **resources("google_pubsub_topic_iam_member"),
        **resources("google_pubsub_subscription_iam_member"),
    }
    return {
        (body["role"], body.get("topic") or body["subscription"])
        for body in grants.values()
        if body["member"] == member
    }
