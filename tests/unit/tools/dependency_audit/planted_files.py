import json
from pathlib import Path

PLANTED_ID = "PLANTED-2026-1"
PLANTED_ALIAS = "CVE-2026-0001"
PLANTED_MODIFIED = "2026-01-02T03:04:05Z"


def write_lock(directory: Path, packages: dict[str, str]) -> Path:
    entries = "".join(
        f'\n[[package]]\nname = "{name}"\nversion = "{version}"\n'
        'source = { registry = "https://pypi.org/simple" }\n'
        for name, version in packages.items()
    )
    lock = directory / "uv.lock"
    lock.write_text(f'version = 1\nrequires-python = ">=3.11"\n{entries}', encoding="utf-8")
    return lock


def write_advisory(
    database: Path, package: str, events: list[dict[str, str]], **fields: object
) -> Path:
    database.mkdir(parents=True, exist_ok=True)
    advisory = {
        "id": PLANTED_ID,
        "modified": PLANTED_MODIFIED,
        "aliases": [PLANTED_ALIAS],
        "affected": [
            {
                "package": {"ecosystem": "PyPI", "name": package},
                "ranges": [{"type": "ECOSYSTEM", "events": events}],
            }
        ],
        **fields,
    }
    path = database / f"{advisory['id']}.json"
    path.write_text(json.dumps(advisory), encoding="utf-8")
    return path


def write_ignore_file(directory: Path, entries: list[dict[str, str]]) -> Path:
    blocks = "".join(
        "\n[[ignore]]\n" + "".join(f"{key} = {value}\n" for key, value in entry.items())
        for entry in entries
    )
    path = directory / "audit-ignore.toml"
    path.write_text(blocks or "ignore = []\n", encoding="utf-8")
    return path


def reviewed_entry(advisory_id: str, package: str, reason: str | None) -> dict[str, str]:
    entry = {"id": f'"{advisory_id}"', "package": f'"{package}"'}
    if reason is not None:
        entry["reason"] = json.dumps(reason)
    return {**entry, "reviewed_by": '"security review"', "reviewed_on": "2026-01-05"}
