from powerkit.logging import Logger, context_keys

orders = Logger(service="orders-worker")
audit = Logger(service="audit")

if __name__ == "__main__":
    for record_id in ("r-1", "r-2"):
        with context_keys(record_id=record_id):  # on every powerkit logger's lines
            orders.info("processing")
            audit.info("touched")
    orders.info("batch done")  # no record_id any more
