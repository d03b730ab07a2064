pytest_plugins = ["tests.integration.pubsub_fixtures", "tests.integration.storage_fixtures"]
