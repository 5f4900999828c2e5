"""Test a handler that takes a data class by giving it a built event and a fake context."""

from typing import Any

from powerkit.events import SQSEvent, event_source
from powerkit.testing import lambda_context, sqs_event


@event_source(data_class=SQSEvent)
def handler(event: SQSEvent, context: Any) -> int:
    return sum(record.json_body["qty"] for record in event.records)


def test_handler_sums_quantities() -> None:
    event = sqs_event(bodies=[{"qty": 2}, {"qty": 3}])
    assert handler(event, lambda_context()) == 5


def test_records_read_back_what_the_builder_wrote() -> None:
    event = SQSEvent(sqs_event(bodies=["a", "b"], fifo=True, group_ids="g1"))
    assert [r.body for r in event.records] == ["a", "b"]
    assert {r.attributes.message_group_id for r in event.records} == {"g1"}


if __name__ == "__main__":
    test_handler_sums_quantities()
    test_records_read_back_what_the_builder_wrote()
    print("ok")
