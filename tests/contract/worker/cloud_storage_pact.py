from pact import Pact, match

from tests.contract.pact_documents import Interaction, PactDocument

BUCKET = "import-sources"
OBJECT = "people.csv"
CONTENT = "id,name\n1,Ada\n2,Bob\n"
CRC32C = "GOtA9w=="
GENERATION = "1714815000000000"
OBJECT_PATH = f"/storage/v1/b/{BUCKET}/o/{OBJECT}"
MEDIA_PATH = f"/download/storage/v1/b/{BUCKET}/o/{OBJECT}"
EXISTS = f"object {OBJECT} of bucket {BUCKET} exists at generation {GENERATION}"


def _metadata(pact: Pact, description: str) -> None:
    (
        pact.upon_receiving(description)
        .given(EXISTS)
        .with_request("GET", OBJECT_PATH)
        .with_query_parameter("projection", "noAcl")
        .with_query_parameter("prettyPrint", "false")
        .will_respond_with(200)
        .with_body(
            {
                "kind": "storage#object",
                "bucket": BUCKET,
                "name": OBJECT,
                "generation": match.regex(GENERATION, regex=r"^[0-9]+$"),
                "size": match.regex(str(len(CONTENT)), regex=r"^[0-9]+$"),
                "crc32c": match.regex(CRC32C, regex=r"^[A-Za-z0-9+/]{6}==$"),
                "contentType": match.str("text/csv"),
            },
            content_type="application/json",
        )
    )


def _range(first: int, last: int) -> Interaction:
    def interaction(pact: Pact, description: str) -> None:
        part = CONTENT[first : last + 1]
        (
            pact.upon_receiving(description)
            .given(EXISTS)
            .with_request("GET", MEDIA_PATH)
            .with_query_parameter("alt", "media")
            .with_query_parameter("generation", GENERATION)
            .with_header("Range", f"bytes={first}-{last}")
            .will_respond_with(206)
            .with_header("Content-Range", f"bytes {first}-{first + len(part) - 1}/{len(CONTENT)}")
            .with_header("X-Goog-Generation", GENERATION)
            .with_body(part, content_type="text/csv")
        )

    return interaction


def _missing(pact: Pact, description: str) -> None:
    (
        pact.upon_receiving(description)
        .given(f"bucket {BUCKET} holds no object missing.csv")
        .with_request("GET", f"/storage/v1/b/{BUCKET}/o/missing.csv")
        .with_query_parameter("projection", "noAcl")
        .with_query_parameter("prettyPrint", "false")
        .will_respond_with(404)
        .with_body(
            {
                "error": {
                    "code": 404,
                    "message": match.str("No such object: import-sources/missing.csv"),
                }
            },
            content_type="application/json",
        )
    )


METADATA = "a request for the metadata of an object"
FIRST_RANGE = "a ranged download of the first bytes of the object's generation"
LAST_RANGE = "a ranged download of the last bytes of the object's generation"
MISSING = "a request for the metadata of an object that does not exist"
CLOUD_STORAGE_PACT = PactDocument(
    consumer="import-worker",
    provider="cloud-storage-json-api",
    interactions={
        METADATA: _metadata,
        FIRST_RANGE: _range(0, 12),
        LAST_RANGE: _range(13, 25),
        MISSING: _missing,
    },
)
