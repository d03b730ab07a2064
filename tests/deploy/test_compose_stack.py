import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.architecture.project_tree import PROJECT_ROOT
from tests.deploy.deploy_files import (
    DEPLOY,
    compose,
    compose_service,
    prometheus_job,
    yaml_document,
)

SECRET_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|_KEY$|^DATABASE_URL$")
COLLECTOR_CONFIG = DEPLOY / "compose" / "otel-collector" / "config.yaml"
DASHBOARD_PROVIDER = (
    DEPLOY / "compose" / "grafana" / "provisioning" / "dashboards" / "import-worker.yaml"
)
DASHBOARDS_SOURCE = "./deploy/observability/grafana/dashboards"
DATASOURCE = DEPLOY / "compose" / "grafana" / "provisioning" / "datasources" / "prometheus.yaml"


def _secret_variables() -> dict[str, str]:
    return {
        f"{service}:{name}": str(value)
        for service, body in compose()["services"].items()
        for name, value in body.get("environment", {}).items()
        if SECRET_NAME.search(name)
    }


SECRET_VARIABLES = _secret_variables()


def _collector() -> Any:
    return yaml_document(COLLECTOR_CONFIG)


def _mount_target(service: str, source: str) -> str:
    mounts = [str(volume).split(":") for volume in compose_service(service)["volumes"]]
    return next(target for host, target, *_ in mounts if host == source)


@pytest.mark.parametrize("value", SECRET_VARIABLES.values(), ids=SECRET_VARIABLES.keys())
def test_should_take_every_secret_from_the_git_ignored_env_file(value: str) -> None:
    interpolated = re.search(r"\$\{[A-Z_]+:\?[^}]+\}", value)

    assert interpolated is not None


def test_should_keep_the_env_file_out_of_git() -> None:
    ignored = (PROJECT_ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()

    assert ".env" in ignored


def test_should_start_the_worker_once_the_topology_is_applied() -> None:
    dependencies = compose_service("worker")["depends_on"]

    assert dependencies["topology"]["condition"] == "service_completed_successfully"


def test_should_receive_otlp_over_grpc_and_http_on_the_standard_ports() -> None:
    protocols = _collector()["receivers"]["otlp"]["protocols"]

    ports = {name: urlsplit(f"//{body['endpoint']}").port for name, body in protocols.items()}

    assert ports == {"grpc": 4317, "http": 4318}


def test_should_export_through_exporters_the_collector_defines() -> None:
    collector = _collector()
    pipelines = collector["service"]["pipelines"].values()

    used = {exporter for pipeline in pipelines for exporter in pipeline["exporters"]}

    assert used - set(collector["exporters"]) == set()


def test_should_send_the_workers_telemetry_to_the_collectors_grpc_receiver() -> None:
    endpoint = urlsplit(compose_service("worker")["environment"]["OTEL_EXPORTER_OTLP_ENDPOINT"])
    grpc = urlsplit(f"//{_collector()['receivers']['otlp']['protocols']['grpc']['endpoint']}")

    assert endpoint.netloc == f"otel-collector:{grpc.port}"


def test_should_scrape_the_worker_service_of_the_stack() -> None:
    target = prometheus_job("import-worker")["static_configs"][0]["targets"][0]

    assert target.rsplit(":", 1)[0] in compose()["services"]


def test_should_load_dashboards_from_where_compose_mounts_the_observability_dashboards() -> None:
    provider = yaml_document(DASHBOARD_PROVIDER)["providers"][0]

    assert provider["options"]["path"] == _mount_target("grafana", DASHBOARDS_SOURCE)


def test_should_query_the_prometheus_service_of_the_stack() -> None:
    datasource = yaml_document(DATASOURCE)["datasources"][0]

    assert urlsplit(datasource["url"]).hostname in compose()["services"]
