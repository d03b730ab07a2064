import json
import re
from pathlib import Path
from typing import Any

from tests.deploy.deploy_files import DEPLOY, yaml_document

OBSERVABILITY = DEPLOY / "observability"
DASHBOARDS = OBSERVABILITY / "grafana" / "dashboards"
RULES = OBSERVABILITY / "prometheus" / "rules"
RULE_TESTS = OBSERVABILITY / "prometheus" / "tests"
GRAFANA_VARIABLES = {"$__rate_interval": "5m", "$job": ".*", "$instance": ".*"}
GRAFANA_VARIABLE = re.compile(r"\$__rate_interval|\$job|\$instance")


def dashboards() -> list[Path]:
    return sorted(DASHBOARDS.glob("*.json"))


def dashboard_queries(path: Path) -> list[str]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return [target["expr"] for panel in document["panels"] for target in panel["targets"]]


def as_prometheus_query(expression: str) -> str:
    return GRAFANA_VARIABLE.sub(lambda found: GRAFANA_VARIABLES[found.group()], expression)


def alerting_rules() -> list[dict[str, Any]]:
    return [
        rule
        for path in sorted(RULES.glob("*.yml"))
        for group in yaml_document(path)["groups"]
        for rule in group["rules"]
        if "alert" in rule
    ]


def alerts_under_test() -> set[str]:
    return {
        case["alertname"]
        for path in sorted(RULE_TESTS.glob("*.test.yml"))
        for test in yaml_document(path)["tests"]
        for case in test.get("alert_rule_test", [])
    }


def recording_rules_of(queries: list[str]) -> dict[str, Any]:
    rules = [
        {"record": f"dashboard:query_{number}", "expr": as_prometheus_query(query)}
        for number, query in enumerate(queries)
    ]
    return {"groups": [{"name": "dashboard-queries", "rules": rules}]}
