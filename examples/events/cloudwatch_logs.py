"""CloudWatch Logs subscriptions deliver gzip + base64; read the log lines directly."""

from powerkit.events import CloudWatchLogsEvent
from powerkit.testing import cloudwatch_logs_event

event = CloudWatchLogsEvent(
    cloudwatch_logs_event(["[ERROR] payment failed", "[INFO] retrying"], log_group="/app/orders")
)
logs = event.decoded_data  # decoded and decompressed once, then cached
print(logs.log_group)
for line in logs.log_events:
    print(line.timestamp > 0, line.message)
