from powerkit.logging import Logger

# In your handler module:
logger = Logger(service="inventory", level="INFO")

# In any other module of the function (e.g. inventory/stock.py):
stock_logger = Logger(service="inventory", child=True)


def reserve(sku: str) -> None:
    stock_logger.info("reserved", sku=sku)  # same service, level, handler and keys


if __name__ == "__main__":
    logger.append_keys(warehouse="w-1")
    reserve("sku-9")
