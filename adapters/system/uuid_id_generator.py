import uuid

from application.ports.id_generator import IdGenerator

IMPORT_WORKER_NAMESPACE = uuid.UUID("6f1c2a52-93a4-4d55-9a0e-2f1b8c7d4e10")


class UuidIdGenerator(IdGenerator):
    def new_id(self) -> str:
        return str(uuid.uuid4())

    def derive(self, *parts: str) -> str:
        return str(uuid.uuid5(IMPORT_WORKER_NAMESPACE, "\x1f".join(parts)))
