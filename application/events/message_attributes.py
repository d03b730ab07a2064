from collections.abc import Mapping

MAX_ATTRIBUTE_BYTES = 1024


def bounded_attribute(value: str) -> str:
    """The value within Pub/Sub's limit for an attribute value, cut on a character boundary."""
    encoded = value.encode()
    if len(encoded) <= MAX_ATTRIBUTE_BYTES:
        return value
    return encoded[:MAX_ATTRIBUTE_BYTES].decode(errors="ignore")


def bounded_attributes(attributes: Mapping[str, str]) -> dict[str, str]:
    return {name: bounded_attribute(value) for name, value in attributes.items()}
