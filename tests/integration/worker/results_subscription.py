from google.cloud import pubsub_v1

RESULTS_SUBSCRIPTION = "import-results-test"


def create_results_subscription(project_id: str) -> str:
    client = pubsub_v1.SubscriberClient()
    try:
        client.create_subscription(
            request={
                "name": client.subscription_path(project_id, RESULTS_SUBSCRIPTION),
                "topic": f"projects/{project_id}/topics/import-results",
            },
            timeout=5,
        )
    finally:
        client.close()
    return RESULTS_SUBSCRIPTION
