import functools
from typing import Any

import pytest

from tests.deploy.contract_names import topology_variables
from tests.deploy.deploy_files import OVERLAYS, manifest, overlay_settings
from tests.deploy.environment_sources import ansible_environment
from tests.deploy.terraform_module import topology_defaults, variable_defaults

TOPOLOGY_SOURCES = {
    **{f"k8s-{overlay}": functools.partial(overlay_settings, overlay) for overlay in OVERLAYS},
    "ansible": ansible_environment,
    "terraform": topology_defaults,
}
WORKLOAD_IDENTITY_ANNOTATION = "iam.gke.io/gcp-service-account"


def _topology_of(settings: dict[str, Any]) -> dict[str, Any]:
    return {name: settings.get(name) for name in topology_variables()}


@pytest.mark.parametrize("source", TOPOLOGY_SOURCES.values(), ids=TOPOLOGY_SOURCES.keys())
def test_should_name_topics_and_subscriptions_as_the_code_does(source: Any) -> None:
    settings = source()

    assert _topology_of(settings) == topology_variables()


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_should_scale_on_the_backlog_of_the_subscription_the_worker_pulls(overlay: str) -> None:
    settings = overlay_settings(overlay)
    expected = (
        f"projects/{settings['GOOGLE_CLOUD_PROJECT']}"
        f"/subscriptions/{settings['IMPORT_REQUESTS_SUBSCRIPTION']}"
    )

    trigger = manifest(overlay, "ScaledObject")["spec"]["triggers"][0]

    assert trigger["metadata"]["subscriptionName"] == expected


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_should_annotate_the_service_account_with_the_one_terraform_creates(overlay: str) -> None:
    project = overlay_settings(overlay)["GOOGLE_CLOUD_PROJECT"]
    expected = f"{variable_defaults()['service_account_id']}@{project}.iam.gserviceaccount.com"

    annotations = manifest(overlay, "ServiceAccount")["metadata"]["annotations"]

    assert annotations[WORKLOAD_IDENTITY_ANNOTATION] == expected


def test_should_bind_workload_identity_to_the_prod_overlays_service_account() -> None:
    defaults = variable_defaults()
    account = manifest("prod", "ServiceAccount")["metadata"]

    bound = (defaults["kubernetes_namespace"], defaults["kubernetes_service_account"])

    assert bound == (account["namespace"], account["name"])
