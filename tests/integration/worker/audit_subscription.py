from google.cloud import pubsub_v1

AUDIT_SUBSCRIPTION = "audit-events-test"


def create_audit_subscription(project_id: str) -> str:
    client = pubsub_v1.SubscriberClient()
    try:
        client.create_subscription(
            request={
                "name": client.subscription_path(project_id, AUDIT_SUBSCRIPTION),
                "topic": f"projects/{project_id}/topics/audit-events",
            },
            timeout=5,
        )
    finally:
        client.close()
    return AUDIT_SUBSCRIPTION
