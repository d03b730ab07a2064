from pact import match

RFC_3339 = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
IMPORT_ID = r"^[A-Za-z0-9._:-]{1,128}$"
DATASET = r"^[a-z][a-z0-9_]{0,62}$"
ERROR_CODE = r"^[a-z][a-z_]*$"
TRACEPARENT = r"^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$"


def event_id(example: str) -> object:
    return match.uuid(example)


def timestamp(example: str) -> object:
    return match.regex(example, regex=RFC_3339)


def import_id(example: str) -> object:
    return match.regex(example, regex=IMPORT_ID)


def dataset(example: str) -> object:
    return match.regex(example, regex=DATASET)


def error_code(example: str) -> object:
    return match.regex(example, regex=ERROR_CODE)


def traceparent(example: str) -> object:
    return match.regex(example, regex=TRACEPARENT)


def bearer_token(example: str) -> object:
    return match.regex(example, regex=r"^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")
