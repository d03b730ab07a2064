import pytest

from tests.architecture.runbook_document import (
    anchor_links,
    existing_tests,
    github_anchor,
    heading_anchors,
    referenced_tests,
    runbook_text,
)
from tests.deploy.observability_files import alerting_rules

RUNBOOK_TEXT = runbook_text()
REFERENCES = referenced_tests(RUNBOOK_TEXT)
EXISTING_TESTS = existing_tests()
ANCHORS = heading_anchors(RUNBOOK_TEXT)
LINKS = anchor_links(RUNBOOK_TEXT)
ALERT_RUNBOOKS = {rule["alert"]: rule["annotations"]["runbook_url"] for rule in alerting_rules()}
GITHUB_ANCHORS = {
    "ImportWorkerCircuitOpen": "importworkercircuitopen",
    "Disk full (PostgreSQL or SQLite)": "disk-full-postgresql-or-sqlite",
    "Worker killed (kill -9, OOMKilled, node lost)": "worker-killed-kill--9-oomkilled-node-lost",
    "Pub/Sub publish down": "pubsub-publish-down",
    "snake_case stays": "snake_case-stays",
}


def test_should_name_the_tests_that_prove_the_automatic_handling() -> None:
    assert REFERENCES != []


@pytest.mark.parametrize("reference", REFERENCES, ids=REFERENCES)
def test_should_name_an_existing_test_in_every_runbook_reference(reference: str) -> None:
    assert reference in EXISTING_TESTS


@pytest.mark.parametrize("alert", sorted(ALERT_RUNBOOKS), ids=sorted(ALERT_RUNBOOKS))
def test_should_find_the_runbook_section_each_alert_links_to(alert: str) -> None:
    assert ALERT_RUNBOOKS[alert].partition("#")[2] in ANCHORS


@pytest.mark.parametrize("link", LINKS, ids=LINKS)
def test_should_find_the_section_each_link_of_the_runbook_points_to(link: str) -> None:
    assert link in ANCHORS


@pytest.mark.parametrize(("heading", "anchor"), GITHUB_ANCHORS.items(), ids=list(GITHUB_ANCHORS))
def test_should_make_the_anchor_github_makes_of_a_heading(heading: str, anchor: str) -> None:
    assert github_anchor(heading) == anchor


def test_should_read_the_code_spans_of_a_heading_into_its_anchor() -> None:
    anchors = heading_anchors("## `import-worker health` exits 1\n")

    assert anchors == {"import-worker-health-exits-1"}


def test_should_take_no_anchor_from_a_heading_inside_a_code_block() -> None:
    anchors = heading_anchors("```\n# not a heading\n```\n")

    assert anchors == set()
