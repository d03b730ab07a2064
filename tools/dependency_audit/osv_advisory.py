from datetime import datetime

from pydantic import BaseModel, ConfigDict


class OsvModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class OsvEvent(OsvModel):
    introduced: str | None = None
    fixed: str | None = None
    last_affected: str | None = None
    limit: str | None = None


class OsvRange(OsvModel):
    type: str
    events: tuple[OsvEvent, ...]


class OsvPackage(OsvModel):
    name: str
    ecosystem: str


class OsvAffected(OsvModel):
    package: OsvPackage | None = None
    ranges: tuple[OsvRange, ...] = ()
    versions: tuple[str, ...] = ()


class OsvAdvisory(OsvModel):
    id: str
    modified: datetime
    withdrawn: datetime | None = None
    aliases: tuple[str, ...] = ()
    affected: tuple[OsvAffected, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.id, *self.aliases)
