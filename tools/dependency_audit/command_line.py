import argparse
from collections.abc import Sequence
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATABASE_CANDIDATES = (
    PROJECT_ROOT.parent / "shared" / "advisories" / "pypa",
    Path("/work/shared/advisories/pypa"),
)


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="dependency-audit",
        description="Audit every locked package against an OSV advisory database, offline.",
    )
    parser.add_argument("--lock", type=Path, default=PROJECT_ROOT / "uv.lock")
    parser.add_argument("--tool", action="append", default=[], metavar="REQUIREMENT")
    parser.add_argument("--database", type=Path, metavar="DIRECTORY")
    parser.add_argument("--ignore-file", type=Path, default=PROJECT_ROOT / "audit-ignore.toml")
    parser.add_argument("--online", choices=("auto", "never"), default="auto")
    parser.add_argument("--uv", default="uv", metavar="COMMAND")
    return parser.parse_args(argv)


def database_location(requested: Path | None, candidates: Sequence[Path]) -> Path | None:
    if requested is not None:
        return requested
    return next((path for path in candidates if path.is_dir()), None)
