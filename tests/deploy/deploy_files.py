import functools
import subprocess  # nosec B404
from pathlib import Path
from typing import Any

import dockerfile
import hcl2
import yaml
from hcl2.utils import SerializationOptions

from tests.architecture.project_tree import PROJECT_ROOT

DEPLOY = PROJECT_ROOT / "deploy"
COMPOSE_FILE = PROJECT_ROOT / "docker-compose.yml"
DOCKERFILE = DEPLOY / "docker" / "Dockerfile"
OVERLAYS = ("dev", "prod")
HCL_OPTIONS = SerializationOptions(
    with_comments=False, explicit_blocks=False, strip_string_quotes=True
)


def yaml_document(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def hcl_document(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as source:
        return dict(hcl2.load(source, serialization_options=HCL_OPTIONS))


def hcl_files(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (DEPLOY / folder).rglob("*.*hcl"))


def terraform_files() -> list[Path]:
    return sorted((DEPLOY / "terraform").rglob("*.tf"))


def env_file(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    pairs = (line.split("=", 1) for line in lines if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def dockerfile_instructions(instruction: str) -> list[tuple[str, ...]]:
    commands = dockerfile.parse_file(str(DOCKERFILE))
    return [tuple(command.value) for command in commands if command.cmd == instruction.upper()]


def compose() -> Any:
    return yaml_document(COMPOSE_FILE)


def compose_service(name: str) -> Any:
    return compose()["services"][name]


@functools.cache
def rendered_overlay(overlay: str) -> tuple[Any, ...]:
    built = subprocess.run(  # nosec B603 B607
        ["kubectl", "kustomize", str(DEPLOY / "k8s" / "overlays" / overlay)],
        check=True,
        capture_output=True,
        text=True,
    )
    return tuple(document for document in yaml.safe_load_all(built.stdout) if document)


def manifest(overlay: str, kind: str) -> Any:
    found = [document for document in rendered_overlay(overlay) if document["kind"] == kind]
    return found[0]


def worker_container(overlay: str) -> Any:
    return manifest(overlay, "Deployment")["spec"]["template"]["spec"]["containers"][0]


def overlay_settings(overlay: str) -> dict[str, str]:
    return dict(manifest(overlay, "ConfigMap")["data"])


def healthcheck_command() -> str:
    return str(dockerfile_instructions("HEALTHCHECK")[0][-1])


def prometheus_job(name: str) -> Any:
    jobs = yaml_document(DEPLOY / "compose" / "prometheus" / "prometheus.yml")["scrape_configs"]
    return next(job for job in jobs if job["job_name"] == name)
