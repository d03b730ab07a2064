from opentelemetry.sdk.resources import SERVICE_NAME, OTELResourceDetector, Resource

DEFAULT_SERVICE_NAME = "import-worker"


def service_resource() -> Resource:
    """The SDK's resource, its OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES read by the SDK;
    service.name is import-worker unless they name another."""
    named = Resource({SERVICE_NAME: DEFAULT_SERVICE_NAME}).merge(OTELResourceDetector().detect())
    return Resource.create(dict(named.attributes))
