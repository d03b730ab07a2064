class DomainError(Exception):
    code = "domain_error"
