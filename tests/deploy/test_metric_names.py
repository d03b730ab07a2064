import re
from pathlib import Path

from tests.deploy.contract_names import CONTRACT_METRICS, exposed_metrics
from tests.deploy.deploy_files import DEPLOY

METRIC_NAME = re.compile(r"\bimport_worker_[a-z0-9_]+\b")
FOLDERS_NAMING_METRICS = ("observability", "compose", "k8s")
TEXT_SUFFIXES = frozenset({".json", ".yaml", ".yml", ".env"})


def _mentioned_metrics() -> set[str]:
    return {name for path in _text_files() for name in METRIC_NAME.findall(_text(path))}


def _text_files() -> list[Path]:
    files = [path for folder in FOLDERS_NAMING_METRICS for path in (DEPLOY / folder).rglob("*")]
    return [path for path in files if path.suffix in TEXT_SUFFIXES]


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_should_name_only_metrics_the_worker_exposes() -> None:
    assert _mentioned_metrics() - exposed_metrics() == set()


def test_should_expose_every_metric_the_contract_lists() -> None:
    assert CONTRACT_METRICS - exposed_metrics() == set()
