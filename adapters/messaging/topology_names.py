from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class TopologyNames:
    import_requests_topic: str = "import-requests"
    import_requests_subscription: str = "import-requests-worker"
    import_results_topic: str = "import-results"
    audit_events_topic: str = "audit-events"
    dead_letter_topic: str = "import-requests-dead-letter"
    dead_letter_subscription: str = "import-requests-dead-letter-inspect"

    def topics(self) -> tuple[str, ...]:
        return (
            self.import_requests_topic,
            self.import_results_topic,
            self.audit_events_topic,
            self.dead_letter_topic,
        )
