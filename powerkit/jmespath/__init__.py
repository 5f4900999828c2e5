"""JMESPath with powerkit's functions, used by every expression powerkit evaluates.

Custom functions (each also under its ``powertools_*`` name, for migrating users):

- ``powerkit_json(str)``: parse a JSON string;
- ``powerkit_base64(str)``: decode base64 to a UTF-8 string;
- ``powerkit_base64_gzip(str)``: decode base64, gunzip, return a UTF-8 string.

``envelopes`` holds ready-made expressions that unwrap common event sources
(``envelopes.SQS``, ``envelopes.API_GATEWAY_REST``, ...).
"""

from powerkit.jmespath import _envelopes as envelopes
from powerkit.jmespath._query import JMESPathError, compile_expression, query

__all__ = ["JMESPathError", "compile_expression", "envelopes", "query"]
