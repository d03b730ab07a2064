pytest_plugins = ["tests.integration.pubsub_fixtures"]
