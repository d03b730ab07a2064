import argparse
from typing import Any

from domain.enums.user_role import UserRole
from shared.configuration import Settings
from worker.bootstrap import bootstrap
from worker.cli.command_parsers import add_command, add_group
from worker.cli.output import print_error, print_json

EXIT_USAGE = 2


def register(commands: Any) -> None:
    actions = add_group(commands, "token", help="development tokens")
    issue = add_command(
        actions,
        "issue",
        issue_token,
        help="mint a token with the configured key (development only)",
    )
    issue.add_argument("--subject", required=True)
    issue.add_argument(
        "--role", action="append", required=True, choices=[str(role) for role in UserRole]
    )
    issue.add_argument("--ttl", type=int, default=3600, help="seconds of validity (default 3600)")


def issue_token(arguments: argparse.Namespace, settings: Settings) -> int:
    """Signs a token with AUTH_JWT_SECRET (HS256), with the claims the worker requires: sub, roles,
    iat, exp, and iss/aud when AUTH_ISSUER/AUTH_AUDIENCE are set.
    """
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
