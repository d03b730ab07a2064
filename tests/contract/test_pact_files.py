from pathlib import Path

import pytest

from tests.contract.pact_catalog import PACT_DOCUMENTS
from tests.contract.pact_documents import PACTS_DIRECTORY, PactDocument


def test_should_check_in_exactly_the_pacts_the_tests_define() -> None:
    checked_in = sorted(path.name for path in PACTS_DIRECTORY.glob("*.json"))

    assert checked_in == sorted(document.file_name for document in PACT_DOCUMENTS)


@pytest.mark.parametrize("document", PACT_DOCUMENTS, ids=lambda document: document.file_name)
def test_should_check_in_the_pact_its_test_writes(document: PactDocument, tmp_path: Path) -> None:
    written = document.written(tmp_path)

    assert written == document.checked_in()
