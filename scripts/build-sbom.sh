#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."

uv_command=${UV:-uv}
environment=build/sbom-environment
sbom=build/sbom.cdx.json

UV_PROJECT_ENVIRONMENT=$environment $uv_command sync --frozen --no-dev --no-install-project --quiet
.venv/bin/cyclonedx-py environment "$environment" --pyproject pyproject.toml \
    --output-reproducible --output-file "$sbom"
components=$(.venv/bin/python -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["components"]))' "$sbom")
echo "sbom: ${sbom}: CycloneDX, ${components} runtime components from uv.lock"
