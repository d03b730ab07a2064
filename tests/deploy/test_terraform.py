from pathlib import Path

import pytest

from tests.architecture.project_tree import relative_name
from tests.deploy.contract_names import subscription_policy_defaults
from tests.deploy.deploy_files import hcl_document, terraform_files
from tests.deploy.terraform_module import grants_to, local_values, resources, variable_defaults

TERRAFORM_FILES = terraform_files()
DEAD_LETTER_GRANTS = {
    ("roles/pubsub.publisher", "${google_pubsub_topic.dead_letter.name}"),
    ("roles/pubsub.subscriber", "${google_pubsub_subscription.worker.name}"),
}
PUBSUB_SERVICE_AGENT = (
    "serviceAccount:service-${data.google_project.this.number}"
    "@gcp-sa-pubsub.iam.gserviceaccount.com"
)
PUBLISHED_TOPICS = {
    "${google_pubsub_topic.import_results.name}",
    "${google_pubsub_topic.audit_events.name}",
    "${google_pubsub_topic.dead_letter.name}",
}


@pytest.mark.parametrize("path", TERRAFORM_FILES, ids=map(relative_name, TERRAFORM_FILES))
def test_should_parse_as_hcl(path: Path) -> None:
    document = hcl_document(path)

    assert document != {}


def test_should_give_the_worker_subscription_the_policies_topology_apply_gives_it() -> None:
    defaults = variable_defaults()

    policies = {name: defaults[name] for name in subscription_policy_defaults()}

    assert policies == subscription_policy_defaults()


def test_should_dead_letter_the_worker_subscription_to_the_dead_letter_topic() -> None:
    worker = resources("google_pubsub_subscription")["worker"]

    policy = worker["dead_letter_policy"][0]

    assert policy == {
        "dead_letter_topic": "${google_pubsub_topic.dead_letter.id}",
        "max_delivery_attempts": "${var.max_delivery_attempts}",
    }


def test_should_grant_the_pubsub_service_agent_what_dead_lettering_needs() -> None:
    grants = grants_to("${local.pubsub_service_agent}")

    assert grants == DEAD_LETTER_GRANTS


def test_should_name_the_projects_pubsub_service_agent() -> None:
    service_agent = local_values()["pubsub_service_agent"]

    assert service_agent == PUBSUB_SERVICE_AGENT


def test_should_let_the_worker_publish_to_the_topics_it_publishes_to_and_no_other() -> None:
    published = local_values()["published_topics"]

    assert set(published.values()) == PUBLISHED_TOPICS
