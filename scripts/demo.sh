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

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
banner() { printf '\n%s%s%s\n%s\n' "$bold" "$1" "$plain" "$2"; }
said() { printf '%s→ %s%s\n' "$bold" "$1" "$plain"; }

banner "1/3  POST /orders twice with the same order" \
  "The first call creates the order (201); the second is served from the idempotency store (200, \"replayed\": true)."
$pk invoke examples/orders/api.py:handler --function-name orders-api \
  --event examples/orders/events/create_order.json \
  --event examples/orders/events/create_order.json | tee -a "$log"
said "invocation 1 created order o-1001 (statusCode 201); invocation 2 was served from the
  idempotency store (statusCode 200, \"replayed\": true, same created_at) without running again."

banner "2/3  The SQS worker on a batch of 4 orders, 2 of them bad" \
  "Each record is processed on its own; only the bad ones are reported in batchItemFailures."
$pk invoke examples/orders/worker.py:handler --function-name orders-worker \
  --event examples/orders/events/order_batch.json | tee -a "$log"
said "orders o-1001 and o-1003 were shipped; the record with quantity 0 and the record whose
  body is not JSON failed alone and are the two ids in batchItemFailures (SQS retries only them)."

banner "3/3  Every EMF metric line both functions printed, checked against the specification" ""
$pk metrics "$log"
