from tests.integration.pubsub_fixtures import pubsub_emulator_host, pubsub_project_id

__all__ = ["pubsub_emulator_host", "pubsub_project_id"]
