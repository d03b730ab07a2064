import enum


class AckDecision(enum.Enum):
    ACK = "ack"
    NACK = "nack"
