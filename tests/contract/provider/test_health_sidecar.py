import pytest
from pact import Verifier

from tests.contract.pact_documents import PactDocument
from tests.contract.pact_verification import PASSED_ONE, only, verification
from tests.contract.consumers.probe_pacts import KUBELET_PACT, PROMETHEUS_PACT, PROVIDER
from tests.contract.provider.sidecar_world import SidecarWorld

INTERACTIONS = [
    pytest.param(document, description, id=f"{document.consumer}: {description}")
    for document in (KUBELET_PACT, PROMETHEUS_PACT)
    for description in document.interactions
]


@pytest.mark.parametrize(("document", "description"), INTERACTIONS)
def test_should_answer_the_probe_as_its_pact_expects(
    document: PactDocument, description: str
) -> None:
    world = SidecarWorld()
    with world.sidecar() as sidecar:
        verifier = (
            Verifier(PROVIDER, host="127.0.0.1")
            .add_transport(url=f"http://127.0.0.1:{sidecar.port}/")
            .state_handler(world.given)
        )
        verdict = verification(only(verifier, document, description))

    assert verdict == PASSED_ONE
