import logging

from powerkit.logging import Logger

logger = Logger(service="files")

# Give another library's loggers powerkit's JSON lines (and stop them propagating).
logger.adopt_loggers("botocore", "urllib3", level="WARNING")

# powerkit's logger is a real logging.Logger underneath: handlers and filters work.
logger.addFilter(lambda record: "healthcheck" not in record.getMessage())

if __name__ == "__main__":
    logger.info("healthcheck ok")  # dropped by the filter
    logging.getLogger("botocore.retries").warning("retrying %s", "PutObject")
