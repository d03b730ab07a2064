import argparse
import json
import os
import subprocess  # nosec B404
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import gcs_bench_database as database
from bench.bench_pubsub import BenchPubSub
from bench.benchmark_database import DEFAULT_URL, search_path_url
from bench.emulator_session import emulator_host
from bench.gcs_bench_storage import emulator_client, storage_emulator, upload, write_csv_of_size
from bench.gcs_bench_worker import import_request, peak_rss_mib, wait_for_result, wait_until_ready
from bench.service_process import BIN, ServiceProcess, child_environment
from shared.configuration import Settings
from tools.pubsub_emulator import free_port

OUT = Path(__file__).resolve().parent / "out"
MEBIBYTE = 1024 * 1024
BUCKET = "bench-gcs"
DATASET = "bench_gcs"
READY_SECONDS = 120.0
RSS_METHOD = "VmHWM of the import-worker run process, from /proc/<pid>/status"


@dataclass(frozen=True, slots=True, kw_only=True)
class Services:
    pubsub_host: str
    storage_url: str
    database_url: str
    chunk_bytes: int | None


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="peak RSS of import-worker run on gs:// objects")
    parser.add_argument("--sizes-mib", type=int, nargs="+", default=[100, 1024])
    parser.add_argument("--url", default=DEFAULT_URL, help="PostgreSQL the worker stores into")
    parser.add_argument("--chunk-bytes", type=int, help="IMPORT_GCS_CHUNK_BYTES (worker default)")
    parser.add_argument("--output", type=Path, default=OUT / "gcs-import-rss.json")
    return parser.parse_args()


def worker_environment(services: Services, project: str) -> dict[str, str]:
    settings = {
        "GOOGLE_CLOUD_PROJECT": project,
        "PUBSUB_EMULATOR_HOST": services.pubsub_host,
        "STORAGE_EMULATOR_HOST": services.storage_url,
        "IMPORT_ALLOWED_BUCKETS": BUCKET,
        "DATABASE_URL": search_path_url(services.database_url, database.SCHEMA),
        "AUTH_MODE": "disabled",
        "HEALTH_HOST": "127.0.0.1",
        "HEALTH_PORT": str(free_port()),
        "LOG_LEVEL": "WARNING",
    }
    if services.chunk_bytes is not None:
        settings["IMPORT_GCS_CHUNK_BYTES"] = str(services.chunk_bytes)
    return child_environment(settings)


def uploaded_object(services: Services, mib: int) -> tuple[str, int]:
    path = OUT / f"gcs-{mib}mib.csv"
    rows = write_csv_of_size(path, mib * MEBIBYTE)
    try:
        return upload(emulator_client(services.storage_url), BUCKET, path.name, path), rows
    finally:
        path.unlink()


def measure_size(services: Services, mib: int) -> dict[str, Any]:
    uri, rows = uploaded_object(services, mib)
    database.empty_schema(services.database_url)
    project = f"bench-gcs-{uuid.uuid4().hex[:8]}"
    environment = worker_environment(services, project)
    command = [str(BIN / "import-worker"), "topology", "apply"]
    subprocess.run(command, env=environment, check=True, stdout=subprocess.DEVNULL)  # nosec B603
    pubsub = BenchPubSub(host=services.pubsub_host, project=project)
    try:
        figures = import_once(pubsub, environment, uri, mib)
    finally:
        pubsub.close()
    stored = database.count_records(services.database_url)
    return {"object_mib": mib, "rows": rows, "records_stored": stored, **figures}


def import_once(
    pubsub: BenchPubSub, environment: dict[str, str], uri: str, mib: int
) -> dict[str, Any]:
    results = pubsub.create_subscription("bench-gcs-results", "import-results")
    log = OUT / f"gcs-worker-{mib}mib.log"
    worker = ServiceProcess([str(BIN / "import-worker"), "run"], environment=environment, log=log)
    worker.start()
    try:
        wait_until_ready(worker, environment["HEALTH_PORT"], READY_SECONDS)
        pid = int(worker.pid() or 0)
        ready_rss = peak_rss_mib(pid)
        request = import_request(f"bench-gcs-{mib}-{uuid.uuid4().hex[:8]}", DATASET, uri)
        pubsub.publish_all("import-requests", [request])
        result = wait_for_result(pubsub, worker, results, request.import_id)
        peak_rss = peak_rss_mib(pid)
    finally:
        worker.stop()
    counts = {key: result[key] for key in ("event_type", "rows_imported", "rows_rejected")}
    return {"peak_rss_mib_when_ready": ready_rss, "peak_rss_mib": peak_rss, "result": counts}


def main() -> None:
    arguments = parse_arguments()
    OUT.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    with (
        tempfile.TemporaryDirectory(prefix="bench-gcs-") as scratch,
        emulator_host(Settings().pubsub_emulator_host) as pubsub_host,
        storage_emulator(Path(scratch), OUT / "storage-emulator.log") as storage_url,
    ):
        services = Services(
            pubsub_host=pubsub_host,
            storage_url=storage_url,
            database_url=arguments.url,
            chunk_bytes=arguments.chunk_bytes,
        )
        try:
            runs = [measure_size(services, mib) for mib in arguments.sizes_mib]
        finally:
            database.drop_schema(arguments.url)
    document = {
        "peak_rss_method": RSS_METHOD,
        "chunk_bytes": arguments.chunk_bytes or Settings().import_gcs_chunk_bytes,
        "load_average_before": load_before,
        "runs": runs,
    }
    arguments.output.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(document, indent=2))


if __name__ == "__main__":
    main()
