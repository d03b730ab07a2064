import contextlib
import re
from typing import Any

from pact import Verifier

from tests.contract.pact_documents import PactDocument


def only(verifier: Verifier, document: PactDocument, description: str) -> Verifier:
    return verifier.add_source(document.checked_in_path).filter(
        description=f"^{re.escape(description)}$"
    )


def verification(verifier: Verifier) -> dict[str, Any]:
    """The verifier's verdict: whether it passed, its errors and how many interactions it ran."""
    with contextlib.suppress(RuntimeError):
        verifier.verify()
    results = verifier.results
    return {
        "result": results["result"],
        "errors": results["errors"],
        "interactions": len(results["interactionResults"]),
    }


PASSED_ONE = {"result": True, "errors": [], "interactions": 1}
