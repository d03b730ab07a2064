from tests.contract.pact_catalog import PACT_DOCUMENTS
from tests.contract.pact_documents import PACTS_DIRECTORY


def main() -> None:
    for document in PACT_DOCUMENTS:
        print(document.write(PACTS_DIRECTORY))


if __name__ == "__main__":
    main()
