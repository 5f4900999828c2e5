import base64
import gzip
import json

from powerkit.jmespath import query

event = {
    "body": json.dumps({"customer": {"id": "c-42"}, "items": [1, 2, 3]}),
    "payload": base64.b64encode(b'{"order": "o-7"}').decode(),
    "archive": base64.b64encode(gzip.compress(b"compressed text")).decode(),
}

print(query(event, "powerkit_json(body).customer.id"))  # c-42
print(query(event, "length(powerkit_json(body).items)"))  # 3
print(query(event, "powerkit_json(powerkit_base64(payload)).order"))  # o-7
print(query(event, "powerkit_base64_gzip(archive)"))  # compressed text
print(query(event, "powertools_json(body).customer.id"))  # aliases work too: c-42
