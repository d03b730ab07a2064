from domain.errors import DomainError


class ValueRejectedError(DomainError):
    code = "value_rejected"
