from enum import StrEnum


class MessageOutcome(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"
    REJECTED = "rejected"
    DEAD_LETTERED = "dead_lettered"
    RETRIED = "retried"
