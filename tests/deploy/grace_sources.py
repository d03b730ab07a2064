import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from tests.deploy.contract_names import setting_default
from tests.deploy.deploy_files import OVERLAYS, compose_service, manifest, overlay_settings
from tests.deploy.environment_sources import ENVIRONMENT_TEMPLATE, ansible_defaults

GRACE_VARIABLE = "SHUTDOWN_GRACE_SECONDS"
DURATION = re.compile(r"^(\d+)s$")
UNIT_TEMPLATE = ENVIRONMENT_TEMPLATE.parent / "import-worker.service.j2"
STOP_TIMEOUT = re.compile(r"^TimeoutStopSec=\{\{ (\w+) \}\}$", re.MULTILINE)


@dataclass(frozen=True, slots=True, kw_only=True)
class StopWindow:
    grace_seconds: float
    stop_seconds: float


def _grace(settings: dict[str, str]) -> float:
    return float(settings.get(GRACE_VARIABLE, setting_default(GRACE_VARIABLE)))


def _compose() -> StopWindow:
    worker = compose_service("worker")
    stop = DURATION.findall(worker["stop_grace_period"])[0]
    return StopWindow(grace_seconds=_grace(worker["environment"]), stop_seconds=float(stop))


def _kubernetes(overlay: str) -> StopWindow:
    pod = manifest(overlay, "Deployment")["spec"]["template"]["spec"]
    return StopWindow(
        grace_seconds=_grace(overlay_settings(overlay)),
        stop_seconds=float(pod["terminationGracePeriodSeconds"]),
    )


def _systemd() -> StopWindow:
    defaults = ansible_defaults()
    stop_variable = STOP_TIMEOUT.findall(UNIT_TEMPLATE.read_text(encoding="utf-8"))[0]
    return StopWindow(
        grace_seconds=float(defaults["import_worker_shutdown_grace_seconds"]),
        stop_seconds=float(defaults[stop_variable]),
    )


STOP_WINDOWS: dict[str, Callable[[], StopWindow]] = {
    "compose": _compose,
    **{f"k8s-{overlay}": functools.partial(_kubernetes, overlay) for overlay in OVERLAYS},
    "systemd": _systemd,
}
