import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from google.cloud import storage

from tests.e2e.event_inbox import EventInbox, ReceivedMessage
from tests.e2e.event_queries import audit_types_for, has_audits_for, has_results_for, results_for
from tests.e2e.import_request import ImportRequest, importer_authorization
from tests.e2e.postgres_schema import PostgresSchema
from tests.e2e.request_publisher import RequestPublisher
from tests.e2e.worker_process import WorkerProcess
from tools.storage_emulator import StorageEmulator

pytestmark = pytest.mark.e2e

DATASET = "gcs_people"
OBJECT_NAME = "exports/2024/people.csv"
CSV = b"id,name,age\n1,Ada,36\n2,Grace,old\n3,Alan,41\n4,Edsger,\n"
COLUMNS: dict[str, dict[str, Any]] = {
    "id": {"type": "integer", "required": True},
    "age": {"type": "integer"},
}
IMPORT_ID = "gcs-completed"
FORBIDDEN_IMPORT_ID = "gcs-forbidden-bucket"
CHUNK_BYTES = 16
WAIT_SECONDS = 30.0


@dataclass(frozen=True, slots=True, kw_only=True)
class GcsOutcome:
    results: list[ReceivedMessage]
    audits: list[ReceivedMessage]

    def result(self, import_id: str) -> dict[str, Any]:
        return results_for(self.results, import_id)[0]


@pytest.fixture(scope="module")
def import_bucket(storage_client: storage.Client) -> storage.Bucket:
    bucket: storage.Bucket = storage_client.create_bucket(f"e2e-{uuid.uuid4().hex[:12]}")
    bucket.blob(OBJECT_NAME).upload_from_string(CSV, content_type="text/csv")
    return bucket


@pytest.fixture(scope="module")
def worker_overrides(
    storage_emulator: StorageEmulator, import_bucket: storage.Bucket
) -> Mapping[str, str]:
    return {
        "STORAGE_EMULATOR_HOST": storage_emulator.url,
        "IMPORT_ALLOWED_BUCKETS": f"{import_bucket.name},another-allowed-bucket",
        "IMPORT_GCS_CHUNK_BYTES": str(CHUNK_BYTES),
    }


def _request(import_id: str, uri: str) -> ImportRequest:
    return ImportRequest(
        import_id=import_id,
        dataset=DATASET,
        source={"uri": uri},
        authorization=importer_authorization(),
        key_columns=("id",),
        columns=COLUMNS,
    )


@pytest.fixture(scope="module")
def imported(
    running_worker: WorkerProcess,
    request_publisher: RequestPublisher,
    event_inbox: EventInbox,
    import_bucket: storage.Bucket,
) -> GcsOutcome:
    request_publisher.publish(_request(IMPORT_ID, f"gs://{import_bucket.name}/{OBJECT_NAME}"))
    request_publisher.publish(_request(FORBIDDEN_IMPORT_ID, f"gs://not-allowed/{OBJECT_NAME}"))
    results = event_inbox.results.wait_until(
        has_results_for([IMPORT_ID, FORBIDDEN_IMPORT_ID]), timeout_seconds=WAIT_SECONDS
    )
    event_inbox.audits.wait_until(
        has_audits_for([FORBIDDEN_IMPORT_ID], each=1), timeout_seconds=WAIT_SECONDS
    )
    audits = event_inbox.audits.wait_until(
        has_audits_for([IMPORT_ID], each=2), timeout_seconds=WAIT_SECONDS
    )
    return GcsOutcome(results=results, audits=audits)


def test_should_complete_an_import_read_from_a_gs_source(imported: GcsOutcome) -> None:
    result = imported.result(IMPORT_ID)

    outcome = {key: result[key] for key in ("event_type", "rows_read", "rows_imported")}

    assert outcome == {"event_type": "ImportCompleted", "rows_read": 4, "rows_imported": 3}


def test_should_store_the_valid_rows_of_a_gs_source(
    imported: GcsOutcome, e2e_schema: PostgresSchema
) -> None:
    assert e2e_schema.record_values(DATASET) == [
        {"id": 1, "name": "Ada", "age": 36},
        {"id": 3, "name": "Alan", "age": 41},
        {"id": 4, "name": "Edsger", "age": None},
    ]


def test_should_audit_a_gs_import_as_requested_and_completed(imported: GcsOutcome) -> None:
    assert audit_types_for(imported.audits, IMPORT_ID) == ["import.completed", "import.requested"]


def test_should_answer_a_gs_source_in_a_bucket_that_is_not_allowed_with_import_failed(
    imported: GcsOutcome,
) -> None:
    result = imported.result(FORBIDDEN_IMPORT_ID)

    assert result["event_type"] == "ImportFailed"


def test_should_fail_a_gs_source_in_a_bucket_that_is_not_allowed_as_forbidden(
    imported: GcsOutcome,
) -> None:
    result = imported.result(FORBIDDEN_IMPORT_ID)

    assert result["error"]["code"] == "source_forbidden"


def test_should_audit_the_refused_gs_import_as_failed(imported: GcsOutcome) -> None:
    assert audit_types_for(imported.audits, FORBIDDEN_IMPORT_ID) == ["import.failed"]
