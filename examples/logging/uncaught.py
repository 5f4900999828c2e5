from powerkit.logging import Logger

# An exception raised while the module loads (bad configuration, failed import) is logged
# as one JSON line before the process exits, instead of a plain-text traceback.
logger = Logger(service="startup", log_uncaught_exceptions=True)

if __name__ == "__main__":
    settings: dict[str, str] = {}
    table = settings["TABLE_NAME"]
