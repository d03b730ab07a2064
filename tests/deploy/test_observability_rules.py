from pathlib import Path

import pytest
import yaml

from tests.deploy.observability_files import (
    RULE_TESTS,
    RULES,
    alerting_rules,
    dashboard_queries,
    dashboards,
    recording_rules_of,
    alerts_under_test,
)
from tests.support.promtool import promtool_accepts, yaml_files

ALERTS = {rule["alert"]: rule for rule in alerting_rules()}
RUNBOOK = "docs/operations.md#"


def test_should_pass_promtool_check_rules() -> None:
    output = promtool_accepts("check", "rules", *yaml_files(RULES, "*.yml"))

    assert "SUCCESS" in output


def test_should_pass_promtool_test_rules() -> None:
    output = promtool_accepts("test", "rules", *yaml_files(RULE_TESTS, "*.test.yml"))

    assert "FAILED" not in output


def test_should_test_every_alert() -> None:
    assert set(ALERTS) - alerts_under_test() == set()


@pytest.mark.parametrize("alert", sorted(ALERTS), ids=sorted(ALERTS))
def test_should_link_each_alert_to_its_runbook_section(alert: str) -> None:
    runbook = ALERTS[alert]["annotations"]["runbook_url"]

    assert runbook == f"{RUNBOOK}{alert.lower()}"


@pytest.mark.parametrize("dashboard", dashboards(), ids=[path.name for path in dashboards()])
def test_should_query_valid_promql_on_every_dashboard_panel(
    dashboard: Path, tmp_path: Path
) -> None:
    rules = tmp_path / "dashboard-queries.yml"
    rules.write_text(yaml.safe_dump(recording_rules_of(dashboard_queries(dashboard))))

    output = promtool_accepts("check", "rules", str(rules))

    assert "SUCCESS" in output
