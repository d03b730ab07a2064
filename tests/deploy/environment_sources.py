import functools
import re
from collections.abc import Callable
from typing import Any

from tests.deploy.deploy_files import (
    DEPLOY,
    OVERLAYS,
    compose_service,
    env_file,
    overlay_settings,
    worker_container,
    yaml_document,
)

ANSIBLE_ROLE = DEPLOY / "ansible" / "roles" / "import_worker"
ENVIRONMENT_TEMPLATE = ANSIBLE_ROLE / "templates" / "import-worker.env.j2"
TEMPLATE_VARIABLE = re.compile(r"'([A-Z][A-Z0-9_]*)':")


def ansible_defaults() -> Any:
    return yaml_document(ANSIBLE_ROLE / "defaults" / "main.yml")


def ansible_environment() -> dict[str, str]:
    environment = ansible_defaults()["import_worker_environment"]
    return {name: str(value) for name, value in environment.items()}


def ansible_variables() -> set[str]:
    fixed = TEMPLATE_VARIABLE.findall(ENVIRONMENT_TEMPLATE.read_text(encoding="utf-8"))
    return set(ansible_environment()) | set(fixed)


def compose_variables(service: str) -> set[str]:
    return set(compose_service(service)["environment"])


def kubernetes_variables(overlay: str) -> set[str]:
    container_env = {entry["name"] for entry in worker_container(overlay).get("env", [])}
    return set(overlay_settings(overlay)) | container_env


def kubernetes_env_file_variables(layer: str) -> set[str]:
    return set(env_file(DEPLOY / "k8s" / layer / "settings.env"))


ENVIRONMENT_SOURCES: dict[str, Callable[[], set[str]]] = {
    "compose-worker": lambda: compose_variables("worker"),
    "compose-topology": lambda: compose_variables("topology"),
    "k8s-base-settings": lambda: kubernetes_env_file_variables("base"),
    **{
        f"k8s-{overlay}-rendered": functools.partial(kubernetes_variables, overlay)
        for overlay in OVERLAYS
    },
    "ansible-environment-file": ansible_variables,
}
