"""AWS Secrets Manager: the event of a rotation function."""

from __future__ import annotations

from powerkit.events._base import DictWrapper
from powerkit.events._fields import optional, required


class SecretsManagerRotationEvent(DictWrapper):
    """The event of a Secrets Manager rotation function (one call per rotation step)."""

    __slots__ = ()
    _source = "Secrets Manager"
    secret_id = required("SecretId", str, "The secret's ARN.")
    client_request_token = required("ClientRequestToken", str, "The new version's id.")
    step = required(
        "Step", str, "``createSecret``, ``setSecret``, ``testSecret`` or ``finishSecret``."
    )
    rotation_token = optional("RotationToken", str, "Token for cross-account rotation.")
