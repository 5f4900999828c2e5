"""Every builder by source name, with ready-made defaults (what ``powerkit events`` uses)."""

from powerkit.testing import EVENT_BUILDERS, build_event

for name, builder in EVENT_BUILDERS.items():
    print(f"{name:16} {builder.description}")

event = build_event("s3", keys=["reports/March 2024.csv"])
print(event["Records"][0]["s3"]["object"]["key"])  # reports/March+2024.csv
