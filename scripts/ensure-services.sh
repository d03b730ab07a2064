#!/usr/bin/env bash
set -euo pipefail

postgres_host=127.0.0.1
postgres_port=5432
redis_host=127.0.0.1
redis_port=6379

port_answers() {
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

postgres_answers() {
    if command -v pg_isready >/dev/null 2>&1; then
        pg_isready --quiet --host "$postgres_host" --port "$postgres_port" --timeout 3
    else
        port_answers "$postgres_host" "$postgres_port"
    fi
}

wait_for() {
    local check=$1
    for _ in $(seq 1 30); do
        if "$check"; then
            return 0
        fi
        sleep 1
    done
    return 1
}

start_postgres() {
    if [[ ! -d /etc/postgresql ]] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
        echo "PostgreSQL is needed: install it (apt-get install postgresql) and let it listen on ${postgres_host}:${postgres_port} with trust auth for user postgres and a database named test." >&2
        exit 1
    fi
    local version
    for version in $(ls /etc/postgresql); do
        echo "ensure-services: starting PostgreSQL ${version} cluster main"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
}

ensure_test_database() {
    if ! command -v psql >/dev/null 2>&1; then
        return 0
    fi
    local found
    found=$(psql --host "$postgres_host" --port "$postgres_port" --username postgres --dbname postgres \
        --no-password --tuples-only --no-align \
        --command "SELECT 1 FROM pg_database WHERE datname = 'test'")
    if [[ "$found" != "1" ]]; then
        echo "ensure-services: creating database test"
        createdb --host "$postgres_host" --port "$postgres_port" --username postgres --no-password test
    fi
}

ensure_postgres() {
    if ! postgres_answers; then
        start_postgres
        if ! wait_for postgres_answers; then
            echo "PostgreSQL is installed but does not answer on ${postgres_host}:${postgres_port}; check its logs under /var/log/postgresql." >&2
            exit 1
        fi
    fi
    ensure_test_database
    echo "ensure-services: PostgreSQL answers on ${postgres_host}:${postgres_port}"
}

redis_answers() {
    port_answers "$redis_host" "$redis_port"
}

ensure_redis() {
    if redis_answers; then
        echo "ensure-services: Redis answers on ${redis_host}:${redis_port}"
        return 0
    fi
    if ! command -v redis-server >/dev/null 2>&1; then
        echo "ensure-services: note: Redis is not installed (apt-get install redis-server); tests that need it will fail or skip."
        return 0
    fi
    redis-server --daemonize yes --bind "$redis_host" --port "$redis_port" --save "" --appendonly no >/dev/null
    if wait_for redis_answers; then
        echo "ensure-services: started Redis on ${redis_host}:${redis_port}"
    else
        echo "ensure-services: note: Redis was started but does not answer on ${redis_host}:${redis_port}."
    fi
}

ensure_postgres
ensure_redis
