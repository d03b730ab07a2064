#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."

env_file=.env
if [[ -f "$env_file" ]]; then
    echo "compose-env: $env_file exists; keeping it"
    exit 0
fi

random_secret() {
    python3 -c 'import secrets; print(secrets.token_urlsafe(32))'
}

umask 077
cat >"$env_file" <<ENV
POSTGRES_PASSWORD=$(random_secret)
AUTH_JWT_SECRET=$(random_secret)
GRAFANA_ADMIN_PASSWORD=$(random_secret)
ENV
echo "compose-env: wrote $env_file (mode 0600, git-ignored) with random secrets"
