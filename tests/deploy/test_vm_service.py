from typing import Any

from tests.deploy.deploy_files import yaml_document
from tests.deploy.environment_sources import ANSIBLE_ROLE
from tests.deploy.grace_sources import UNIT_TEMPLATE

TEMPLATE_MODULE = "ansible.builtin.template"
USER_MODULE = "ansible.builtin.user"


def _unit_settings() -> dict[str, str]:
    lines = UNIT_TEMPLATE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def _task(module: str, **arguments: str) -> Any:
    tasks = yaml_document(ANSIBLE_ROLE / "tasks" / "main.yml")
    return next(
        task for task in tasks if module in task and arguments.items() <= task[module].items()
    )


def test_should_write_the_environment_file_readable_by_root_alone() -> None:
    task = _task(TEMPLATE_MODULE, src="import-worker.env.j2")[TEMPLATE_MODULE]

    permissions = (task["owner"], task["group"], task["mode"])

    assert permissions == ("root", "root", "0600")


def test_should_never_log_the_environment_file() -> None:
    task = _task(TEMPLATE_MODULE, src="import-worker.env.j2")

    assert task["no_log"] is True


def test_should_stop_the_service_with_sigterm() -> None:
    unit = _unit_settings()

    assert unit["KillSignal"] == "SIGTERM"


def test_should_restart_the_service_whenever_it_ends() -> None:
    unit = _unit_settings()

    assert unit["Restart"] == "always"


def test_should_run_the_service_as_the_user_the_role_creates() -> None:
    user = _task(USER_MODULE)[USER_MODULE]

    assert _unit_settings()["User"] == user["name"]
