from collections.abc import Callable, Mapping
from typing import Any

from application.errors import UnauthenticatedError


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_string(value: object) -> bool:
    return isinstance(value, str)


def is_list_of_strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def is_audience(value: object) -> bool:
    return is_string(value) or is_list_of_strings(value)


CLAIM_TYPES: tuple[tuple[str, Callable[[object], bool], str], ...] = (
    ("exp", is_number, "a number"),
    ("iat", is_number, "a number"),
    ("nbf", is_number, "a number"),
    ("iss", is_string, "a string"),
    ("aud", is_audience, "a string or a list of strings"),
)


def check_claim_types(claims: Mapping[str, Any]) -> None:
    for name, fits, kind in CLAIM_TYPES:
        if name in claims and not fits(claims[name]):
            raise UnauthenticatedError(f"claim {name} must be {kind}")
