from google.cloud import storage

from adapters.file_importer.gcs_uri_opener import GcsUriOpener

SMALL_CSV = b"id,name\n1,Ada\n2,Grace\n"


def upload(bucket: storage.Bucket, name: str, content: bytes) -> str:
    bucket.blob(name).upload_from_string(content, content_type="text/csv")
    return f"gs://{bucket.name}/{name}"


def read_all(opener: GcsUriOpener, uri: str) -> bytes:
    with opener.open(uri) as stream:
        return stream.read()


def numbered_rows(size: int) -> bytes:
    lines = b"".join(b"%08d,row\n" % number for number in range(size // 13 + 1))
    return lines[:size]
