import uuid

from application.ports.id_generator import IdGenerator


class UuidIdGenerator(IdGenerator):
    def new_id(self) -> str:
        return str(uuid.uuid4())
