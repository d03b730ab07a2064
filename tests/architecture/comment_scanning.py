import io
import re
import tokenize
from pathlib import Path

PRAGMA = re.compile(r"#\s*(type:|noqa\b|nosec\b|pragma\b)")
CODING = re.compile(r"#.*?coding[:=]")
HEADER_LINES = frozenset({1, 2})


def forbidden_comments(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    comments = [token for token in tokens if token.type == tokenize.COMMENT]
    return [f"line {token.start[0]}: {token.string}" for token in comments if not _allowed(token)]


def _allowed(token: tokenize.TokenInfo) -> bool:
    return bool(PRAGMA.match(token.string)) or _is_header(token)


def _is_header(token: tokenize.TokenInfo) -> bool:
    line = token.start[0]
    is_shebang = line == 1 and token.start[1] == 0 and token.string.startswith("#!")
    return is_shebang or (line in HEADER_LINES and bool(CODING.match(token.string)))
