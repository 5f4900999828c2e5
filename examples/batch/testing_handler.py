import pytest

from examples.batch.getting_started import lambda_handler
from powerkit.batch import BatchProcessingError
from powerkit.testing import lambda_context, sqs_event


def test_reports_only_the_bad_order() -> None:
    event = sqs_event(
        bodies=[{"order_id": 1, "amount": 5}, {"order_id": 2, "amount": 0}],
        message_ids=["ok-1", "bad-2"],
    )
    response = lambda_handler(event, lambda_context())
    assert response == {"batchItemFailures": [{"itemIdentifier": "bad-2"}]}


def test_a_batch_where_everything_fails_is_retried_whole() -> None:
    event = sqs_event(bodies=[{"order_id": 3, "amount": 0}])
    with pytest.raises(BatchProcessingError):
        lambda_handler(event, lambda_context())
