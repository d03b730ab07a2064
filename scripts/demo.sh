#!/usr/bin/env bash
set -euo pipefail

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${ROOT_DIR}"

if ! command -v uv >/dev/null 2>&1; then
    echo "demo: installing uv with pip"
    python3 -m pip install --quiet uv
fi
uv sync --frozen --quiet

BIN="${ROOT_DIR}/.venv/bin"
WORK_DIR="${ROOT_DIR}/var/demo"
rm -rf "${WORK_DIR}"
mkdir -p "${WORK_DIR}"

free_port() {
    "${BIN}/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

STARTED_EMULATOR=""
WORKER_PID=""
cleanup() {
    if [[ -n "${WORKER_PID}" ]] && kill -0 "${WORKER_PID}" 2>/dev/null; then
        kill -TERM "${WORKER_PID}"
        wait "${WORKER_PID}" || true
    fi
    if [[ -n "${STARTED_EMULATOR}" ]]; then
        scripts/pubsub-emulator.sh stop >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

if [[ -z "${PUBSUB_EMULATOR_HOST:-}" ]]; then
    emulator_port="$(free_port)"
    echo "demo: starting the Pub/Sub emulator on port ${emulator_port}"
    scripts/pubsub-emulator.sh start "${emulator_port}" >/dev/null
    STARTED_EMULATOR=yes
    export PUBSUB_EMULATOR_HOST="127.0.0.1:${emulator_port}"
fi

export GOOGLE_CLOUD_PROJECT="import-worker-demo"
export DATABASE_URL="sqlite:///${WORK_DIR}/import-worker.db"
export AUTH_JWT_SECRET="demo-$("${BIN}/python" -c 'import secrets; print(secrets.token_hex(24))')"
export IMPORT_ALLOWED_ROOTS="${ROOT_DIR}/examples"
export HEALTH_HOST="127.0.0.1"
export HEALTH_PORT="$(free_port)"

echo "demo: applying the topology"
LOG_LEVEL=WARNING "${BIN}/import-worker" topology apply >/dev/null
"${BIN}/python" scripts/demo_results.py subscribe --project "${GOOGLE_CLOUD_PROJECT}" \
    --subscription demo-results

echo "demo: starting the worker (logs in ${WORK_DIR}/worker.log)"
"${BIN}/import-worker" run >"${WORK_DIR}/worker.log" 2>&1 &
WORKER_PID=$!
ready() {
    "${BIN}/python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
        "http://127.0.0.1:${HEALTH_PORT}/readyz" >/dev/null 2>&1
}
for _ in $(seq 1 60); do
    ready && break
    sleep 0.5
done
ready || {
    echo "demo: the worker did not become ready; see ${WORK_DIR}/worker.log" >&2
    exit 1
}

echo "demo: publishing an ImportRequested for examples/customers.csv with a development token"
request="$(LOG_LEVEL=WARNING "${BIN}/import-worker" request examples/customers.csv --dataset customers \
    --key-column id --columns examples/customers.columns.json --subject demo --role importer)"
import_id="$("${BIN}/python" -c 'import json, sys; print(json.loads(sys.argv[1])["import_id"])' "${request}")"

echo "demo: result event from the import-results topic:"
"${BIN}/python" scripts/demo_results.py wait --project "${GOOGLE_CLOUD_PROJECT}" \
    --subscription demo-results --import-id "${import_id}"

echo "demo: stored record customers/1:"
"${BIN}/import-worker" records get customers 1
