from google.auth.exceptions import DefaultCredentialsError
from google.cloud.storage import Client


def storage_client(*, project: str | None, emulator_host: str | None) -> Client:
    if emulator_host:
        return Client(
            project=project,
            client_options={"api_endpoint": emulator_endpoint(emulator_host)},
            use_auth_w_custom_endpoint=False,
        )
    try:
        client: Client = Client(project=project)
    except DefaultCredentialsError as error:
        raise ValueError(f"no Google credentials were found for Cloud Storage: {error}") from error
    return client


def emulator_endpoint(host: str) -> str:
    return host if "://" in host else f"http://{host}"
