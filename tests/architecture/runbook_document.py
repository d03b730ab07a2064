import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests.architecture.assertion_counting import collect_tests
from tests.architecture.project_tree import PROJECT_ROOT, python_files

RUNBOOK = PROJECT_ROOT / "docs" / "operations.md"
TEST_REFERENCE = re.compile(r"tests/[\w/]+\.py::\w+")
DROPPED_FROM_ANCHORS = re.compile(r"[^\w\- ]")
SPOKEN_TOKENS = frozenset({"text", "code_inline"})


def runbook_text() -> str:
    return RUNBOOK.read_text(encoding="utf-8")


def referenced_tests(text: str) -> list[str]:
    return sorted(set(TEST_REFERENCE.findall(text)))


def existing_tests() -> set[str]:
    collected = (test for path in python_files("tests") for test in collect_tests(path))
    return {test.test_id for test in collected}


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces made hyphens."""
    return DROPPED_FROM_ANCHORS.sub("", heading.strip().lower()).replace(" ", "-")


def heading_anchors(text: str) -> set[str]:
    tokens = _parsed(text)
    return {
        github_anchor(_spoken(inline))
        for opening, inline in zip(tokens, tokens[1:])
        if opening.type == "heading_open"
    }


def anchor_links(text: str) -> list[str]:
    hrefs = (str(link.attrGet("href")) for link in _links(text))
    return sorted({href.removeprefix("#") for href in hrefs if href.startswith("#")})


def _parsed(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def _spoken(inline: Token) -> str:
    return "".join(child.content for child in inline.children or () if child.type in SPOKEN_TOKENS)


def _links(text: str) -> list[Token]:
    return [child for child in _inline_children(text) if child.type == "link_open"]


def _inline_children(text: str) -> list[Token]:
    return [child for token in _parsed(text) for child in token.children or ()]
