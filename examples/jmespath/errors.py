from powerkit.jmespath import JMESPathError, envelopes, query

try:
    query({"Records": [{"body": "plain text, not JSON"}]}, envelopes.SQS)
except JMESPathError as error:
    print(error.expression)  # Records[*].powerkit_json(body)
    print(error.reason)  # powerkit_json: value is not valid JSON (...)
