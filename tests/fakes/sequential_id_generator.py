import uuid

from application.ports.id_generator import IdGenerator


class SequentialIdGenerator(IdGenerator):
    def __init__(self) -> None:
        self.issued: list[str] = []

    def new_id(self) -> str:
        identifier = str(uuid.UUID(int=len(self.issued) + 1, version=4))
        self.issued.append(identifier)
        return identifier

    def derive(self, *parts: str) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_OID, "\x1f".join(parts)))
