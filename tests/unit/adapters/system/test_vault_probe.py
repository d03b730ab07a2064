import pytest

from adapters.system.vault_probe import VaultProbe
from domain.health.health_status import HealthStatus


class Vault:
    def __init__(self, serving: bool) -> None:
        self.serving = serving

    def is_serving(self, *, timeout_seconds: float) -> bool:
        return self.serving


class Leases:
    def __init__(self, lost: bool) -> None:
        self._lost = lost

    def lost(self) -> bool:
        return self._lost


@pytest.mark.parametrize(
    ("serving", "leases", "status"),
    [
        (True, None, HealthStatus.UP),
        (True, Leases(lost=False), HealthStatus.UP),
        (False, None, HealthStatus.DEGRADED),
        (False, Leases(lost=False), HealthStatus.DEGRADED),
        (False, Leases(lost=True), HealthStatus.DOWN),
        (True, Leases(lost=True), HealthStatus.DOWN),
    ],
    ids=[
        "serving",
        "serving-leases-valid",
        "unreachable-no-lease",
        "unreachable-leases-valid",
        "unreachable-lease-lost",
        "serving-lease-lost",
    ],
)
def test_should_be_degraded_while_leases_hold_and_down_once_one_is_lost(
    serving: bool, leases: Leases | None, status: HealthStatus
) -> None:
    sut = VaultProbe(Vault(serving), leases=leases, timeout_seconds=1)

    result = sut.check()

    assert result.status is status


def test_should_be_a_required_probe_named_vault() -> None:
    sut = VaultProbe(Vault(True), leases=None, timeout_seconds=1)

    identity = {"name": sut.name, "optional": sut.optional}

    assert identity == {"name": "vault", "optional": False}
