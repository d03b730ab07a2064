#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."

database_arguments=()
if [[ -n "${ADVISORY_DB:-}" ]]; then
    database_arguments=(--database "$ADVISORY_DB")
fi

exec .venv/bin/python -m tools.dependency_audit --uv "${UV:-uv}" "${database_arguments[@]}" "$@"
