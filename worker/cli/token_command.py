import argparse
from typing import Any

from domain.enums.user_role import UserRole
from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.cli.output import print_error, print_json

EXIT_USAGE = 2


def register(commands: Any) -> None:
    parser = commands.add_parser("token", help="development tokens")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    issue = actions.add_parser(
        "issue",
        help="mint a token with the configured key (development only)",
        description="Signs a token with AUTH_JWT_SECRET (HS256), with the claims the worker "
        "requires: sub, roles, iat, exp, and iss/aud when AUTH_ISSUER/AUTH_AUDIENCE are set.",
    )
    issue.add_argument("--subject", required=True)
    issue.add_argument(
        "--role", action="append", required=True, choices=[str(role) for role in UserRole]
    )
    issue.add_argument("--ttl", type=int, default=3600, help="seconds of validity (default 3600)")
    issue.set_defaults(handler=issue_token)


def issue_token(arguments: argparse.Namespace, settings: Settings) -> int:
    issuer = bootstrap(settings).token_issuer
    try:
        token = issuer.issue(
            subject=arguments.subject, roles=arguments.role, ttl_seconds=arguments.ttl
        )
    except ValueError as error:
        print_error(str(error))
        return EXIT_USAGE
    print_json({"token": token})
    return 0
