import base64
import random

from tests.e2e.import_request import ImportRequest, importer_authorization, inline_source
from tests.e2e.request_publisher import RequestPublisher
from tests.faults.backlog import Backlog

OVERSIZED_KEY = base64.b64encode(random.Random(7).randbytes(6_000)).decode()


def poison_request(backlog: Backlog) -> ImportRequest:
    """A request whose key is longer than a PostgreSQL index entry may be: the store refuses it."""
    return ImportRequest(
        import_id=f"{backlog.prefix}-poison",
        dataset=backlog.dataset,
        source=inline_source(f"id,name\n1,Ada\n{OVERSIZED_KEY},Grace\n"),
        authorization=importer_authorization(),
        correlation_id=f"correlation-{backlog.prefix}-poison",
        key_columns=("id",),
    )


def publish_with_poison_in_the_middle(backlog: Backlog, publisher: RequestPublisher) -> None:
    import_ids = backlog.import_ids()
    middle = len(import_ids) // 2
    for import_id in import_ids[:middle]:
        publisher.publish(backlog.request(import_id))
    publisher.publish(poison_request(backlog))
    for import_id in import_ids[middle:]:
        publisher.publish(backlog.request(import_id))
