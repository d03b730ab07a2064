from shared.configuration_error import ConfigurationError


class VaultRefusedError(ConfigurationError):
    """Vault answered and said no (400, 401, 403, 404): asking again will not change it."""
