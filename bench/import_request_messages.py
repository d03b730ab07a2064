import json
import time
import uuid

import jwt

from bench.bench_pubsub import OutgoingMessage

DATASET = "bench_worker"
INLINE_CSV = "id,name,amount\n1,alpha,10\n2,beta,20\n3,gamma,30\n"
ROWS_PER_MESSAGE = 3
TOKEN_LIFETIME_SECONDS = 4 * 3600


def mint_token(secret: str) -> str:
    now = int(time.time())
    claims = {
        "sub": "bench",
        "roles": ["importer"],
        "iat": now,
        "exp": now + TOKEN_LIFETIME_SECONDS,
    }
    return jwt.encode(claims, secret, algorithm="HS256")


class ImportRequestMessages:
    def __init__(self, *, secret: str, run_id: str, datasets: int = 1) -> None:
        self._authorization = f"Bearer {mint_token(secret)}"
        self._run_id = run_id
        self._datasets = [DATASET] if datasets <= 1 else [f"{DATASET}_{n}" for n in range(datasets)]

    def batch(self, phase: str, count: int) -> list[OutgoingMessage]:
        return [
            self.message(f"{phase}-{self._run_id}-{number:06d}", number) for number in range(count)
        ]

    def message(self, import_id: str, number: int = 0) -> OutgoingMessage:
        body = {
            "import_id": import_id,
            "dataset": self._datasets[number % len(self._datasets)],
            "source": {"format": "csv", "inline": INLINE_CSV},
            "columns": {"id": {"type": "integer", "required": True}, "amount": {"type": "integer"}},
        }
        attributes = {
            "authorization": self._authorization,
            "schema_version": "1",
            "correlation_id": str(uuid.uuid4()),
        }
        return OutgoingMessage(
            import_id=import_id, data=json.dumps(body).encode(), attributes=attributes
        )
