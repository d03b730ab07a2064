import argparse
from pathlib import Path

from bench.benchmark_database import DEFAULT_URL
from shared.configuration import Settings

OUT = Path(__file__).resolve().parent / "out"
SETTINGS_BY_OPTION = {
    "retry_attempts": "RETRY_ATTEMPTS",
    "retry_first_backoff_seconds": "RETRY_FIRST_BACKOFF_SECONDS",
    "retry_max_backoff_seconds": "RETRY_MAX_BACKOFF_SECONDS",
    "breaker_failure_threshold": "BREAKER_FAILURE_THRESHOLD",
    "breaker_reset_seconds": "BREAKER_RESET_SECONDS",
    "lease_extension_seconds": "PUBSUB_MAX_LEASE_EXTENSION_SECONDS",
}


def resilience_parser(description: str, output: str) -> argparse.ArgumentParser:
    """Options both resilience benchmarks share: the worker's resilience settings (production
    defaults, read from the settings model), the store, the output file and the wait."""
    parser = argparse.ArgumentParser(description=description)
    for option, variable in SETTINGS_BY_OPTION.items():
        default = Settings.model_fields[variable.lower()].default
        parser.add_argument(
            f"--{option.replace('_', '-')}", type=type(default), default=default, help=variable
        )
    parser.add_argument("--url", default=DEFAULT_URL, help="PostgreSQL; a schema of its own")
    parser.add_argument("--output", type=Path, default=OUT / output)
    parser.add_argument("--timeout-seconds", type=float, default=900.0, help="wait for results")
    parser.add_argument(
        "--worker-setting", action="append", default=[], metavar="NAME=VALUE", dest="settings"
    )
    return parser


def resilience_settings(arguments: argparse.Namespace) -> dict[str, str]:
    chosen = {
        variable: str(getattr(arguments, option)) for option, variable in SETTINGS_BY_OPTION.items()
    }
    return {**chosen, **dict(setting.split("=", 1) for setting in arguments.settings)}
