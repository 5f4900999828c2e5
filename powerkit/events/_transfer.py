"""AWS Transfer Family custom identity provider (Lambda authorizer)."""

from __future__ import annotations

from typing import Any

from powerkit.events._base import DictWrapper
from powerkit.events._fields import optional, required


class TransferFamilyAuthorizerEvent(DictWrapper):
    """A user signing in to a Transfer Family server with a Lambda identity provider.

    ``password`` is absent for SSH key authentication: answer with the user's public keys.
    """

    __slots__ = ()
    _source = "Transfer Family"
    username = required("username", str, "The user name.")
    protocol = required("protocol", str, "``SFTP``, ``FTP``, ``FTPS`` or ``AS2``.")
    server_id = required("serverId", str, "The server id.")
    source_ip = required("sourceIp", str, "The client's IP address.")
    password = optional("password", str, "The password; absent for key authentication.")


def transfer_family_authorizer_response(
    role: str,
    *,
    home_directory: str | None = None,
    home_directory_details: list[dict[str, str]] | None = None,
    policy: str | None = None,
    public_keys: list[str] | None = None,
    posix_profile: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The response that lets the user in (return ``{}`` to deny).

    Args:
        role: ARN of the IAM role the server assumes for the user.
        home_directory: a path (``/bucket/home/user``): PATH home directory.
        home_directory_details: ``[{"Entry": "/", "Target": "/bucket/user"}]``: LOGICAL
            home directory; takes precedence over ``home_directory``.
        policy: a session policy (JSON text) scoping the role down.
        public_keys: SSH public keys, for key authentication.
        posix_profile: ``{"Uid": ..., "Gid": ...}`` for EFS.
    """
    import json

    response: dict[str, Any] = {"Role": role}
    if home_directory_details is not None:
        response["HomeDirectoryType"] = "LOGICAL"
        response["HomeDirectoryDetails"] = json.dumps(home_directory_details)
    elif home_directory is not None:
        response["HomeDirectoryType"] = "PATH"
        response["HomeDirectory"] = home_directory
    if policy is not None:
        response["Policy"] = policy
    if public_keys is not None:
        response["PublicKeys"] = public_keys
    if posix_profile is not None:
        response["PosixProfile"] = posix_profile
    return response
