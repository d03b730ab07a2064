import pytest

from adapters.observability.otel_resource import service_resource


def test_should_name_the_service_import_worker_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OTEL_SERVICE_NAME", raising=False)
    monkeypatch.delenv("OTEL_RESOURCE_ATTRIBUTES", raising=False)

    resource = service_resource()

    assert resource.attributes["service.name"] == "import-worker"


def test_should_take_the_service_name_the_sdk_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_SERVICE_NAME", "imports-eu")

    resource = service_resource()

    assert resource.attributes["service.name"] == "imports-eu"


def test_should_keep_the_resource_attributes_the_sdk_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=staging")

    resource = service_resource()

    assert resource.attributes["deployment.environment.name"] == "staging"
