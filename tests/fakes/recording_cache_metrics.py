class RecordingCacheMetrics:
    def __init__(self) -> None:
        self.results: list[str] = []

    def cache_request(self, result: str) -> None:
        self.results.append(result)
