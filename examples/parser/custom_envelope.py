from typing import Any

from pydantic import BaseModel

from powerkit.parser import envelopes, parse


class Reading(BaseModel):
    sensor: str
    celsius: float


class IotBatchEnvelope(envelopes.Envelope):
    """Our IoT rule sends {"device": ..., "readings": ["<json>", ...]}."""

    many = True  # one model per payload: parse() returns a list

    def payloads(self, event: Any) -> Any:
        return event["readings"]  # JSON text is parsed by the model's adapter


event = {"device": "d-1", "readings": ['{"sensor": "a", "celsius": 21.5}']}
print(parse(event, model=Reading, envelope=IotBatchEnvelope))
