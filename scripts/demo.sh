#!/usr/bin/env bash
# The README's first command: set up .venv, then run the example order service locally with
# every utility on (logging, metrics, tracing, validation, idempotency, batch, correlation).
# Needs nothing but Python: idempotency uses an SQLite file, traces go to a local collector.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
pk=.venv/bin/powerkit
work=$(mktemp -d)
export ORDERS_IDEMPOTENCY_DB="$work/orders.sqlite3"   # a fresh store for every demo run
log="$work/function-output.log"

banner() { printf '\n\033[1m%s\033[0m\n%s\n' "$1" "$2"; }

banner "1/3  POST /orders twice with the same order" \
  "The first call creates the order (201); the second is served from the idempotency store (200, \"replayed\": true)."
$pk invoke examples/orders/api.py:handler --function-name orders-api \
  --event examples/orders/events/create_order.json \
  --event examples/orders/events/create_order.json | tee -a "$log"

banner "2/3  The SQS worker on a batch of 4 orders, 2 of them bad" \
  "Each record is processed on its own; only the bad ones are reported in batchItemFailures."
$pk invoke examples/orders/worker.py:handler --function-name orders-worker \
  --event examples/orders/events/order_batch.json | tee -a "$log"

banner "3/3  Every EMF metric line both functions printed, checked against the specification" ""
$pk metrics "$log"
