import pytest

from tests.deploy.deploy_files import OVERLAYS, dockerfile_instructions, manifest

SIGNAL_FORWARDING_INIT = ("/usr/bin/tini", "--")


def _image_user_id() -> int:
    user = dockerfile_instructions("USER")[-1][0]
    return int(user.split(":")[0])


def test_should_run_as_a_fixed_non_root_user() -> None:
    user_id = _image_user_id()

    assert user_id > 0


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_should_run_pods_as_the_images_user(overlay: str) -> None:
    pod = manifest(overlay, "Deployment")["spec"]["template"]["spec"]

    assert pod["securityContext"]["runAsUser"] == _image_user_id()


def test_should_start_the_worker_under_an_init_that_forwards_sigterm() -> None:
    started = [*dockerfile_instructions("ENTRYPOINT")[-1], *dockerfile_instructions("CMD")[-1]]

    assert started == [*SIGNAL_FORWARDING_INIT, "import-worker", "run"]


def test_should_stop_the_container_with_sigterm() -> None:
    stop_signals = dockerfile_instructions("STOPSIGNAL")

    assert stop_signals == [("SIGTERM",)]
