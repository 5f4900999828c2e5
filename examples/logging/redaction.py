from powerkit.logging import Logger
from powerkit.testing import lambda_context

logger = Logger(service="auth", redact_keys=["password", "authorization"])


@logger.inject_lambda_context(log_event=True)  # the logged event is redacted too
def handler(event: dict, context: object) -> None:
    logger.info("login attempt", credentials={"user": "ana", "Password": "hunter2"})


if __name__ == "__main__":
    handler({"headers": {"Authorization": "Bearer abc"}, "path": "/login"}, lambda_context())
