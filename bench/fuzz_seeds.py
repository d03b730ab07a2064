import json
from pathlib import Path

from bench.fuzz_targets import reader_choices

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CUSTOMER_TYPES = "integer,string,string,string,decimal,boolean,date,datetime"
FULL_BODY = {
    "import_id": "imp-1",
    "dataset": "customers",
    "source": {"uri": "gs://b/c.csv", "delimiter": ";", "encoding": "latin-1", "header": False},
    "key_columns": ["id"],
    "columns": {"id": {"type": "integer", "required": True}, "at": {"type": "datetime"}},
    "requested_at": "2024-05-01T10:00:00Z",
}
INLINE_BODY = {"import_id": "imp-2", "dataset": "orders", "source": {"inline": "id\n1\n"}}
JSON_TOKENS = [
    *(json.dumps(name) for name in (*FULL_BODY, *FULL_BODY["source"], "inline", "format", "csv")),
    *(json.dumps(name) for name in ("type", "required", "string", "integer", "decimal")),
    *(json.dumps(name) for name in ("boolean", "date", "datetime", "file://", "https://")),
    *("true", "false", "null", "{", "}", "[", "]", ":", ","),
]
CSV_TOKENS = [",", ";", '"', '""', "\r\n", "\n", "true", "No", "2024-01-15", "T09:30:00Z"]
CSV_TOKENS += ["+01:00", ".50", "-0", "+007", "\ufeff", " ", "\t"]


def parser_seeds() -> list[bytes]:
    return [json.dumps(body).encode() for body in (FULL_BODY, INLINE_BODY)]


def reader_seeds() -> list[bytes]:
    customers = (EXAMPLES / "customers.csv").read_bytes()
    return [
        customers
        + reader_choices(delimiter=",", encoding="utf-8", header=True, types=CUSTOMER_TYPES),
        customers + reader_choices(delimiter=",", encoding=None, header=True, types=CUSTOMER_TYPES),
        customers.replace(b",", b";")
        + reader_choices(delimiter=";", encoding="latin-1", header=False, types="string,string"),
    ]


def dictionary_text(tokens: list[str]) -> str:
    return "".join(f'"{_escaped(token.encode())}"\n' for token in tokens)


def _escaped(token: bytes) -> str:
    return "".join(_escaped_byte(byte) for byte in token)


def _escaped_byte(byte: int) -> str:
    printable = 0x20 <= byte < 0x7F and byte not in b'"\\'
    return chr(byte) if printable else f"\\x{byte:02x}"


SEEDS = {"parser": parser_seeds, "reader": reader_seeds}
DICTIONARIES = {"parser": JSON_TOKENS, "reader": CSV_TOKENS}
