import json
import time
import urllib.request
from typing import Any

from google.api_core.exceptions import DeadlineExceeded

from bench.bench_pubsub import BenchPubSub, OutgoingMessage
from bench.benchmark_dataset import COLUMN_TYPES, KEY_COLUMN
from bench.service_process import ServiceProcess

KIBIBYTES_PER_MEBIBYTE = 1024
POLL_SECONDS = 0.5
PULL_SECONDS = 10.0


def import_request(import_id: str, dataset: str, uri: str) -> OutgoingMessage:
    columns = {name: {"type": kind} for name, kind in COLUMN_TYPES.items()}
    body = {
        "import_id": import_id,
        "dataset": dataset,
        "source": {"uri": uri},
        "key_columns": [KEY_COLUMN],
        "columns": columns,
    }
    return OutgoingMessage(import_id=import_id, data=json.dumps(body).encode(), attributes={})


def peak_rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / KIBIBYTES_PER_MEBIBYTE
    raise RuntimeError(f"no VmHWM for process {pid}")


def wait_until_ready(worker: ServiceProcess, port: str, timeout_seconds: float) -> None:
    deadline = time.monotonic() + timeout_seconds
    while not answers_ready(port):
        worker.require_alive()
        if time.monotonic() > deadline:
            raise RuntimeError("the worker did not become ready")
        time.sleep(POLL_SECONDS)


def answers_ready(port: str) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


def wait_for_result(
    pubsub: BenchPubSub, worker: ServiceProcess, subscription: str, import_id: str
) -> dict[str, Any]:
    while True:
        worker.require_alive()
        for event in pulled_events(pubsub, subscription):
            if event.get("import_id") == import_id:
                return event


def pulled_events(pubsub: BenchPubSub, subscription: str) -> list[dict[str, Any]]:
    request = {"subscription": subscription, "max_messages": 10}
    try:
        response = pubsub.subscriber.pull(request=request, timeout=PULL_SECONDS)
    except DeadlineExceeded:
        return []
    received = list(response.received_messages)
    if received:
        ack_ids = [item.ack_id for item in received]
        pubsub.subscriber.acknowledge(request={"subscription": subscription, "ack_ids": ack_ids})
    return [json.loads(item.message.data) for item in received]
