"""A fake Lambda context whose deadline runs on the real clock."""

from powerkit.testing import lambda_context

context = lambda_context("orders-api", memory_mb=512, timeout_s=10)

print(context.invoked_function_arn)  # arn:aws:lambda:us-east-1:123456789012:function:orders-api
print(context.get_remaining_time_in_millis() <= 10_000)  # True, and counting down
