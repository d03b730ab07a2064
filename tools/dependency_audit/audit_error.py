class AuditError(Exception):
    """A reason the audit cannot give a verdict, told in one line."""
