import json

from powerkit.jmespath import envelopes, query

sqs_event = {
    "Records": [
        {"messageId": "1", "body": json.dumps({"order": "o-1"})},
        {"messageId": "2", "body": json.dumps({"order": "o-2"})},
    ]
}

print(query(sqs_event, envelopes.SQS))  # [{'order': 'o-1'}, {'order': 'o-2'}]
print(envelopes.SQS)  # Records[*].powerkit_json(body)
print(sorted(envelopes.ALL)[:3])  # ['API_GATEWAY_HTTP', 'API_GATEWAY_REST', 'CLOUDWATCH_LOGS']
