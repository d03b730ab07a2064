import pytest

from tests.e2e.health_client import HealthAnswer
from tests.e2e.worker_process import WorkerProcess

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def livez(running_worker: WorkerProcess) -> HealthAnswer:
    return running_worker.health.request("/livez")


@pytest.fixture(scope="module")
def readyz(running_worker: WorkerProcess) -> HealthAnswer:
    return running_worker.health.request("/readyz")


def test_should_answer_livez_with_200(livez: HealthAnswer) -> None:
    assert livez.status == 200


def test_should_say_up_on_livez(livez: HealthAnswer) -> None:
    assert livez.document() == {"status": "up"}


def test_should_answer_readyz_with_200(readyz: HealthAnswer) -> None:
    assert readyz.status == 200


def test_should_report_pubsub_and_repository_up_on_readyz(readyz: HealthAnswer) -> None:
    checks = readyz.document()["checks"]

    statuses = {name: check["status"] for name, check in checks.items()}

    assert statuses == {"pubsub": "up", "repository": "up"}


def test_should_say_up_on_readyz(readyz: HealthAnswer) -> None:
    assert readyz.document()["status"] == "up"


def test_should_expose_message_counter_on_metrics(running_worker: WorkerProcess) -> None:
    answer = running_worker.health.request("/metrics")

    assert "import_worker_messages_total" in answer.text()


def test_should_answer_404_for_unknown_path(running_worker: WorkerProcess) -> None:
    answer = running_worker.health.request("/nowhere")

    assert answer.status == 404


def test_should_answer_405_for_post_to_livez(running_worker: WorkerProcess) -> None:
    answer = running_worker.health.request("/livez", method="POST")

    assert answer.status == 405


@pytest.mark.parametrize("method", ["TRACE", "CONNECT"], ids=["trace", "connect"])
def test_should_answer_405_for_trace_and_connect_to_livez(
    running_worker: WorkerProcess, method: str
) -> None:
    answer = running_worker.health.request("/livez", method=method)

    assert answer.status == 405
