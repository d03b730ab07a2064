#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."

uv_command=${UV:-uv}
python=.venv/bin/python
pip_audit=.venv/bin/pip-audit

requirements=$(mktemp)
trap 'rm -f "$requirements"' EXIT

$uv_command export --frozen --no-emit-project --format requirements-txt \
    --quiet --output-file "$requirements" >/dev/null

probe_package=$(grep --max-count 1 --extended-regexp '^[A-Za-z0-9._-]+==' "$requirements" | cut -d ' ' -f 1)

service=$("$python" - "$probe_package" <<'PYTHON'
import json
import sys
import urllib.error
import urllib.request

name, version = sys.argv[1].split("==")


def answers(request: urllib.request.Request) -> bool:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status == 200
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return False
        raise
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return False


pypi = urllib.request.Request(f"https://pypi.org/pypi/{name}/{version}/json")
osv = urllib.request.Request(
    "https://api.osv.dev/v1/query",
    data=json.dumps({"package": {"name": name, "ecosystem": "PyPI"}, "version": version}).encode(),
    headers={"Content-Type": "application/json"},
)
if answers(pypi):
    print("pypi")
elif answers(osv):
    print("osv")
else:
    print("offline")
PYTHON
)

if [[ "$service" == "offline" ]]; then
    echo "dependency audit: neither https://pypi.org/pypi/${probe_package/==//}/json nor https://api.osv.dev answers"
    echo "dependency audit: not run: offline"
    exit 0
fi

echo "dependency audit: auditing $(grep --count --extended-regexp '^[A-Za-z0-9._-]+==' "$requirements") locked packages against ${service}"
"$pip_audit" --requirement "$requirements" --require-hashes --disable-pip --strict \
    --vulnerability-service "$service" --progress-spinner off
