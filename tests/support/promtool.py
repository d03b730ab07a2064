import shutil
import subprocess  # nosec B404
from pathlib import Path

INSTALL_HINT = "promtool not found: install Debian's prometheus package (.ci/run does)"


def promtool(*arguments: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    executable = shutil.which("promtool")
    if executable is None:
        raise FileNotFoundError(INSTALL_HINT)
    return subprocess.run(  # nosec B603
        [executable, *arguments], input=stdin, capture_output=True, check=False, timeout=60
    )


def promtool_accepts(*arguments: str, stdin: bytes = b"") -> str:
    """promtool's output when it accepts, else an AssertionError naming what it refused."""
    completed = promtool(*arguments, stdin=stdin)
    output = (completed.stdout + completed.stderr).decode()
    if completed.returncode != 0:
        raise AssertionError(f"promtool {' '.join(arguments)} refused:\n{output}")
    return output


def yaml_files(folder: Path, pattern: str) -> list[str]:
    return [str(path) for path in sorted(folder.glob(pattern))]
