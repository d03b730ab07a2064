import argparse
import json
from pathlib import Path
from typing import Any

from application.ports.outbound_message import OutboundMessage
from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.composition.components import Components
from worker.cli.command_parsers import add_command
from worker.cli.output import print_error, print_json

URI_MARKER = "://"
EXIT_USAGE = 2


def register(commands: Any) -> None:
    parser = add_command(
        commands,
        "request",
        publish_request,
        help="publish an ImportRequested message (developer tool)",
    )
    parser.add_argument("location", metavar="FILE_OR_URI")
    parser.add_argument("--dataset", required=True)
    parser.add_argument("--key-column", action="append", default=[], dest="key_columns")
    parser.add_argument("--columns", type=Path, help="JSON file holding the columns map")
    parser.add_argument("--import-id", help="idempotency key (default: a new UUID)")
    parser.add_argument("--correlation-id", help="default: a new UUID")
    parser.add_argument("--inline", action="store_true", help="send the file's text inline")
    parser.add_argument("--token", help="bearer token to send as is")
    parser.add_argument("--subject", default="developer", help="subject of a minted token")
    parser.add_argument("--role", default="importer", help="role of a minted token")


def publish_request(arguments: argparse.Namespace, settings: Settings) -> int:
    """Publishes an ImportRequested for FILE_OR_URI. A local path is sent as a file:// URI, or as
    inline text with --inline. The authorization attribute carries --token, else a token minted
    with AUTH_JWT_SECRET for --subject and --role.
    """
    components = bootstrap(settings)
    import_id = arguments.import_id or components.ids.new_id()
    correlation_id = arguments.correlation_id or components.ids.new_id()
    try:
        data = json.dumps(_body(arguments, import_id)).encode()
    except (OSError, ValueError) as error:
        print_error(str(error))
        return EXIT_USAGE
    message = OutboundMessage(
        topic=settings.import_requests_topic,
        data=data,
        attributes=_attributes(arguments, components, correlation_id),
    )
    publisher = components.messaging.publisher
    try:
        publisher.publish([message])
    finally:
        publisher.close()
    print_json({"import_id": import_id, "correlation_id": correlation_id})
    return 0


def _body(arguments: argparse.Namespace, import_id: str) -> dict[str, Any]:
    body: dict[str, Any] = {
        "import_id": import_id,
        "dataset": arguments.dataset,
        "source": _source(arguments.location, inline=arguments.inline),
    }
    if arguments.key_columns:
        body["key_columns"] = arguments.key_columns
    if arguments.columns is not None:
        body["columns"] = json.loads(arguments.columns.read_text(encoding="utf-8"))
    return body


def _source(location: str, *, inline: bool) -> dict[str, str]:
    if URI_MARKER in location:
        return {"uri": location}
    path = Path(location)
    if inline:
        return {"inline": path.read_text(encoding="utf-8")}
    return {"uri": path.resolve().as_uri()}


def _attributes(
    arguments: argparse.Namespace, components: Components, correlation_id: str
) -> dict[str, str]:
    attributes = {"schema_version": "1", "correlation_id": correlation_id}
    token = arguments.token or _minted(arguments, components)
    if token:
        attributes["authorization"] = f"Bearer {token}"
    return attributes


def _minted(arguments: argparse.Namespace, components: Components) -> str | None:
    if components.secret("AUTH_JWT_SECRET") is None:
        return None
    return components.token_issuer.issue(subject=arguments.subject, roles=[arguments.role])
