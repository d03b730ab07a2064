from pathlib import Path

import pytest

from tests.architecture.project_tree import relative_name
from tests.deploy.deploy_files import DEPLOY, hcl_document, hcl_files

PACKER_FILES = hcl_files("packer")
PACKER_TEMPLATE = DEPLOY / "packer" / "import-worker.pkr.hcl"


def _ansible_provisioner() -> dict[str, str]:
    build = hcl_document(PACKER_TEMPLATE)["build"][0]
    provisioners = [entry["ansible"] for entry in build["provisioner"] if "ansible" in entry]
    return dict(provisioners[0])


@pytest.mark.parametrize("path", PACKER_FILES, ids=map(relative_name, PACKER_FILES))
def test_should_parse_as_hcl(path: Path) -> None:
    document = hcl_document(path)

    assert document != {}


def test_should_provision_the_image_with_the_projects_playbook() -> None:
    playbook = _ansible_provisioner()["playbook_file"].replace(
        "${path.root}", str(PACKER_TEMPLATE.parent)
    )

    assert Path(playbook).resolve() == (DEPLOY / "ansible" / "playbook.yml").resolve()
