import argparse
import subprocess  # nosec B404
import sys
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import yaml

KEDA_CRD_FILES = {
    "ScaledObject": "keda.sh_scaledobjects.yaml",
    "TriggerAuthentication": "keda.sh_triggerauthentications.yaml",
    "ClusterTriggerAuthentication": "keda.sh_clustertriggerauthentications.yaml",
}
KEDA_GROUP = "keda.sh"
NO_SCHEMA_OFFLINE = {
    "monitoring.coreos.com/v1/ServiceMonitor": "no Prometheus Operator CRD is available offline",
}
SUBSCHEMA_KEYWORDS = frozenset({"items", "additionalProperties", "allOf", "anyOf", "oneOf", "not"})
Manifest = dict[str, Any]


class CheckError(Exception):
    pass


def main() -> int:
    arguments = _parser().parse_args()
    keda_schemas = _keda_schemas(arguments.keda_crds)
    failures = [
        failure
        for overlay in arguments.overlays
        for failure in _check_overlay(overlay, arguments.kubernetes_version, keda_schemas)
    ]
    for failure in failures:
        print(f"kubernetes: FAILED {failure}", file=sys.stderr)
    return 1 if failures else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Builds kustomize overlays and validates every object offline: "
        "Kubernetes kinds against the Kubernetes schemas, KEDA kinds against KEDA's CRDs."
    )
    parser.add_argument("--kubernetes-version", required=True)
    parser.add_argument("--keda-crds", type=Path, required=True)
    parser.add_argument("overlays", nargs="+", type=Path)
    return parser


def _keda_schemas(directory: Path) -> dict[str, Manifest]:
    missing = [name for name in KEDA_CRD_FILES.values() if not (directory / name).is_file()]
    if missing:
        raise CheckError(
            f"KEDA CRDs not found in {directory} ({', '.join(missing)}): "
            "set KEDA_CRD_DIR to the folder holding KEDA's config/crd/bases files"
        )
    return {
        kind: yaml.safe_load((directory / name).read_text(encoding="utf-8"))
        for kind, name in KEDA_CRD_FILES.items()
    }


def _check_overlay(overlay: Path, version: str, keda: dict[str, Manifest]) -> list[str]:
    manifests = _build(overlay)
    failures = [f"{overlay}: {error}" for doc in manifests for error in _errors(doc, version, keda)]
    print(f"kubernetes: {overlay}: {len(manifests)} objects checked, {len(failures)} failures")
    return failures


def _build(overlay: Path) -> list[Manifest]:
    built = subprocess.run(  # nosec B603 B607
        ["kubectl", "kustomize", str(overlay)], check=False, capture_output=True, text=True
    )
    if built.returncode != 0:
        raise CheckError(f"kubectl kustomize {overlay}: {built.stderr.strip()}")
    return [doc for doc in yaml.safe_load_all(built.stdout) if doc]


def _errors(doc: Manifest, version: str, keda: dict[str, Manifest]) -> list[str]:
    name = f"{doc['kind']}/{doc['metadata']['name']}"
    api_kind = f"{doc['apiVersion']}/{doc['kind']}"
    if api_kind in NO_SCHEMA_OFFLINE:
        print(f"kubernetes: {name}: not validated: {NO_SCHEMA_OFFLINE[api_kind]}")
        return []
    if doc["apiVersion"].split("/")[0] == KEDA_GROUP:
        return [f"{name}: {error}" for error in _crd_errors(doc, keda)]
    return [f"{name}: {error}" for error in _kubernetes_errors(doc, version)]


def _kubernetes_errors(doc: Manifest, version: str) -> list[str]:
    try:
        kubernetes_validate.validate(doc, version, strict=True)
    except kubernetes_validate.ValidationError as error:
        return [f"{'.'.join(map(str, error.path))}: {error.message}"]
    except kubernetes_validate.SchemaNotFoundError as error:
        return [error.message]
    return []


def _crd_errors(doc: Manifest, keda: dict[str, Manifest]) -> list[str]:
    crd = keda.get(doc["kind"])
    if crd is None:
        return [f"no KEDA CRD for kind {doc['kind']}"]
    schema = _version_schema(crd, doc["apiVersion"].split("/")[1])
    if schema is None:
        return [f"KEDA's CRD has no version {doc['apiVersion']}"]
    validator = jsonschema.Draft202012Validator(_closed(schema))
    return [
        f"{'.'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(doc)
    ]


def _version_schema(crd: Manifest, version: str) -> Manifest | None:
    versions = crd["spec"]["versions"]
    found = [entry["schema"]["openAPIV3Schema"] for entry in versions if entry["name"] == version]
    return found[0] if found else None


def _closed(schema: Any) -> Any:
    if isinstance(schema, list):
        return [_closed(item) for item in schema]
    if isinstance(schema, dict):
        return _closed_object_schema(schema)
    return schema


def _closed_object_schema(schema: Manifest) -> Manifest:
    closed = {key: _closed_keyword(key, value) for key, value in schema.items()}
    if _is_open_object(closed):
        closed["additionalProperties"] = False
    return closed


def _closed_keyword(keyword: str, value: Any) -> Any:
    if keyword == "properties":
        return {name: _closed(child) for name, child in value.items()}
    if keyword in SUBSCHEMA_KEYWORDS:
        return _closed(value)
    return value


def _is_open_object(schema: Manifest) -> bool:
    return (
        "properties" in schema
        and "additionalProperties" not in schema
        and not schema.get("x-kubernetes-preserve-unknown-fields", False)
    )


if __name__ == "__main__":
    try:
        sys.exit(main())
    except CheckError as error:
        print(f"kubernetes: FAILED {error}", file=sys.stderr)
        sys.exit(1)
