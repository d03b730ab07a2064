ELLIPSIS = "\u2026"


def bounded_text(text: str, limit: int) -> str:
    """The text whole when it fits, else its start and an ellipsis, limit characters in all."""
    if len(text) <= limit:
        return text
    return text[: limit - 1] + ELLIPSIS
