#!/usr/bin/env bash
set -euo pipefail

readonly ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly VAR_DIR="${ROOT_DIR}/var"
readonly DATA_DIR="${VAR_DIR}/pubsub-emulator"
readonly PID_FILE="${VAR_DIR}/pubsub-emulator.pid"
readonly LOG_FILE="${DATA_DIR}/emulator.log"
readonly PORT_FILE="${DATA_DIR}/port"
readonly LAUNCHER_NAME="cloud-pubsub-emulator"
readonly START_TIMEOUT_SECONDS=30
readonly INSTALL_HINT="Pub/Sub emulator not found: install it with 'gcloud components install pubsub-emulator' or the apt package 'google-cloud-cli-pubsub-emulator', plus Java 17 (e.g. apt-get install openjdk-17-jre-headless)."

usage() {
    echo "usage: $0 start|stop [PORT]" >&2
    exit 2
}

find_launcher() {
    local candidate sdk_root
    if candidate="$(command -v "${LAUNCHER_NAME}")"; then
        echo "${candidate}"
        return 0
    fi
    if command -v gcloud >/dev/null 2>&1; then
        sdk_root="$(gcloud info --format='value(installation.sdk_root)' 2>/dev/null || true)"
        candidate="${sdk_root}/platform/pubsub-emulator/bin/${LAUNCHER_NAME}"
        if [[ -n "${sdk_root}" && -x "${candidate}" ]]; then
            echo "${candidate}"
            return 0
        fi
    fi
    candidate="/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/${LAUNCHER_NAME}"
    if [[ -x "${candidate}" ]]; then
        echo "${candidate}"
        return 0
    fi
    return 1
}

port_answers() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

running_pid() {
    local pid
    [[ -f "${PID_FILE}" ]] || return 1
    pid="$(cat "${PID_FILE}")"
    [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
    ps -p "${pid}" -o args= 2>/dev/null | grep -q "pubsub-emulator" || return 1
    echo "${pid}"
}

start() {
    local port="$1" launcher pid waited=0
    if pid="$(running_pid)"; then
        if [[ "$(cat "${PORT_FILE}" 2>/dev/null)" == "${port}" ]]; then
            echo "PUBSUB_EMULATOR_HOST=127.0.0.1:${port}"
            return 0
        fi
        echo "Pub/Sub emulator already running (pid ${pid}) on another port; stop it first." >&2
        exit 1
    fi
    if ! launcher="$(find_launcher)" || ! command -v java >/dev/null 2>&1; then
        echo "${INSTALL_HINT}" >&2
        exit 1
    fi
    if port_answers "${port}"; then
        echo "Port ${port} is already in use." >&2
        exit 1
    fi
    mkdir -p "${DATA_DIR}"
    nohup "${launcher}" --host=127.0.0.1 "--port=${port}" "--data-dir=${DATA_DIR}" \
        >"${LOG_FILE}" 2>&1 </dev/null &
    pid=$!
    echo "${pid}" >"${PID_FILE}"
    echo "${port}" >"${PORT_FILE}"
    until port_answers "${port}"; do
        if ! kill -0 "${pid}" 2>/dev/null || ((waited >= START_TIMEOUT_SECONDS * 5)); then
            echo "Pub/Sub emulator did not start on port ${port}; see ${LOG_FILE}:" >&2
            tail -n 20 "${LOG_FILE}" >&2 || true
            kill "${pid}" 2>/dev/null || true
            rm -f "${PID_FILE}"
            exit 1
        fi
        sleep 0.2
        waited=$((waited + 1))
    done
    echo "PUBSUB_EMULATOR_HOST=127.0.0.1:${port}"
}

stop() {
    local pid waited=0
    if ! pid="$(running_pid)"; then
        echo "Pub/Sub emulator is not running." >&2
        rm -f "${PID_FILE}"
        return 0
    fi
    kill "${pid}"
    while kill -0 "${pid}" 2>/dev/null && ((waited < 50)); do
        sleep 0.2
        waited=$((waited + 1))
    done
    if kill -0 "${pid}" 2>/dev/null; then
        kill -9 "${pid}"
    fi
    rm -f "${PID_FILE}"
    echo "Pub/Sub emulator stopped (pid ${pid})."
}

main() {
    local command="${1:-}" port="${2:-8085}"
    [[ "${port}" =~ ^[0-9]+$ ]] || usage
    case "${command}" in
        start) start "${port}" ;;
        stop) stop ;;
        *) usage ;;
    esac
}

main "$@"
