class ConfigurationError(Exception):
    """A setting is missing or inconsistent; the message names the variable."""
