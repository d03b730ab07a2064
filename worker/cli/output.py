import json
import sys
from typing import Any


def print_json(document: Any) -> None:
    print(json.dumps(document, ensure_ascii=False), file=sys.stdout)


def print_error(message: str) -> None:
    print(f"import-worker: {message}", file=sys.stderr)
