import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from application.use_cases.import_data import ImportData
from tests.property.import_request_bodies import expected_command, mutated_bodies, valid_bodies
from worker.messages.import_request_parser import parse_import_request
from worker.messages.malformed_message_error import MalformedMessageError

ATTRIBUTES = st.dictionaries(
    st.sampled_from(["schema_version", "authorization"]) | st.text(), st.text()
)


def parsed_or_malformed(
    data: bytes, attributes: dict[str, str]
) -> ImportData | MalformedMessageError:
    try:
        return parse_import_request(
            data=data, attributes=attributes, request_id="m-1", correlation_id="c-1"
        )
    except MalformedMessageError as error:
        return error


@given(data=st.binary(), attributes=ATTRIBUTES)
def test_should_parse_or_call_malformed_any_bytes(data: bytes, attributes: dict[str, str]) -> None:
    outcome = parsed_or_malformed(data, attributes)

    assert isinstance(outcome, ImportData | MalformedMessageError)


@given(body=mutated_bodies(), attributes=ATTRIBUTES)
def test_should_parse_or_call_malformed_any_json_object(
    body: dict[str, Any], attributes: dict[str, str]
) -> None:
    outcome = parsed_or_malformed(json.dumps(body).encode(), attributes)

    assert isinstance(outcome, ImportData | MalformedMessageError)


@given(body=valid_bodies())
def test_should_carry_every_field_of_a_valid_body_into_the_command(body: dict[str, Any]) -> None:
    command = parsed_or_malformed(json.dumps(body).encode(), {})

    assert command == expected_command(body)
