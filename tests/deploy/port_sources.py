import functools
import re
from collections.abc import Callable

from tests.deploy.deploy_files import (
    OVERLAYS,
    compose_service,
    dockerfile_instructions,
    healthcheck_command,
    manifest,
    overlay_settings,
    prometheus_job,
    worker_container,
)
from tests.deploy.environment_sources import ansible_environment

HEALTHCHECK_DEFAULT_PORT = re.compile(r"get\('HEALTH_PORT', '(\d+)'\)")


def _dockerfile_exposed_port() -> int:
    return int(dockerfile_instructions("EXPOSE")[0][0])


def _healthcheck_port() -> int:
    return int(HEALTHCHECK_DEFAULT_PORT.findall(healthcheck_command())[0])


def _compose_published_port() -> int:
    return int(str(compose_service("worker")["ports"][0]).split(":")[-1])


def _compose_environment_port() -> int:
    return int(compose_service("worker")["environment"]["HEALTH_PORT"])


def _prometheus_target_port() -> int:
    target = prometheus_job("import-worker")["static_configs"][0]["targets"][0]
    return int(target.rsplit(":", 1)[1])


def _ansible_port() -> int:
    return int(ansible_environment()["HEALTH_PORT"])


def _service_target_port(overlay: str) -> int:
    target = manifest(overlay, "Service")["spec"]["ports"][0]["targetPort"]
    ports = worker_container(overlay)["ports"]
    return int(next(port["containerPort"] for port in ports if port["name"] == target))


def _overlay_settings_port(overlay: str) -> int:
    return int(overlay_settings(overlay)["HEALTH_PORT"])


HEALTH_PORTS: dict[str, Callable[[], int]] = {
    "dockerfile-expose": _dockerfile_exposed_port,
    "dockerfile-healthcheck": _healthcheck_port,
    "compose-published": _compose_published_port,
    "compose-environment": _compose_environment_port,
    "compose-prometheus-target": _prometheus_target_port,
    "ansible-environment": _ansible_port,
    **{
        f"k8s-{overlay}-service": functools.partial(_service_target_port, overlay)
        for overlay in OVERLAYS
    },
    **{
        f"k8s-{overlay}-settings": functools.partial(_overlay_settings_port, overlay)
        for overlay in OVERLAYS
    },
}
