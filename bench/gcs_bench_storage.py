import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from google.cloud import storage

from bench.benchmark_dataset import csv_lines
from bench.service_process import ServiceProcess, child_environment
from tools.pubsub_emulator import free_port, port_answers

HOST = "127.0.0.1"
START_TIMEOUT_SECONDS = 30.0
UPLOAD_CHUNK_BYTES = 256 * 1024 * 1024
ROWS_UPPER_BOUND = 10**9


@contextmanager
def storage_emulator(data_dir: Path, log: Path) -> Iterator[str]:
    """gcp-storage-emulator in a process of its own, storing objects on disk under data_dir."""
    port = free_port()
    command = [sys.executable, "-m", "gcp_storage_emulator", "-d", str(data_dir), "start"]
    command += ["-H", HOST, "--port", str(port), "-q"]
    emulator = ServiceProcess(command, environment=child_environment({}), log=log)
    emulator.start()
    try:
        wait_until_listening(emulator, port)
        yield f"http://{HOST}:{port}"
    finally:
        emulator.stop()


def wait_until_listening(emulator: ServiceProcess, port: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while not port_answers(port):
        emulator.require_alive()
        if time.monotonic() > deadline:
            raise RuntimeError(f"the storage emulator did not listen on port {port}")
        time.sleep(0.1)


def emulator_client(url: str) -> storage.Client:
    return storage.Client(
        project="bench", client_options={"api_endpoint": url}, use_auth_w_custom_endpoint=False
    )


def write_csv_of_size(path: Path, size_bytes: int) -> int:
    written = 0
    lines = csv_lines(ROWS_UPPER_BOUND)
    with path.open("w", encoding="utf-8", newline="") as output:
        for rows, line in enumerate(lines):
            if written + len(line) > size_bytes:
                return rows - 1
            written += output.write(line)
    return ROWS_UPPER_BOUND


def upload(client: storage.Client, bucket_name: str, name: str, path: Path) -> str:
    bucket = client.bucket(bucket_name)
    if not bucket.exists():
        client.create_bucket(bucket_name)
    blob = bucket.blob(name, chunk_size=UPLOAD_CHUNK_BYTES)
    blob.upload_from_filename(str(path), content_type="text/csv")
    return f"gs://{bucket_name}/{name}"
