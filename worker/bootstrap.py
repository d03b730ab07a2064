from typing import Unpack

from shared.configuration import Settings
from worker.composition.components import Components
from worker.composition.overrides import Overrides


def bootstrap(settings: Settings, **overrides: Unpack[Overrides]) -> Components:
    """The composition root: each collaborator is built once, on first use; tests pass fakes."""
    return Components(settings, overrides)
