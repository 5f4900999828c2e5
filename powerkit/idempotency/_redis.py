"""Redis store: each operation is one Lua script, so check-and-write is atomic on the server.

A record is a hash (``status``, ``expiration``, ``in_progress_expiration``, ``data``,
``validation``, ``owner``) whose key also gets a Redis expiry at the record's expiry, purely
to reclaim memory: whether a record is expired is still decided from ``expiration``.
Every script touches one key, so it works on Redis Cluster too.
"""

from __future__ import annotations

from typing import Any

from powerkit._extras import require
from powerkit.idempotency._record import COMPLETED, INPROGRESS, IdempotencyRecord, Status

_FIELDS = ("status", "expiration", "in_progress_expiration", "data", "validation", "owner")

# KEYS[1] key; ARGV[1] now_ms, ARGV[2] expiry_ms, ARGV[3..] field/value pairs.
_ACQUIRE = """
local cur = redis.call('HMGET', KEYS[1], 'status', 'expiration', 'in_progress_expiration',
                       'data', 'validation', 'owner')
local now = tonumber(ARGV[1])
if cur[1] then
  local held = tonumber(cur[2]) * 1000 > now
  if held and cur[1] == 'INPROGRESS' and cur[3] and tonumber(cur[3]) <= now then
    held = false
  end
  if held then return cur end
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return false
"""

# KEYS[1] key; ARGV[1] owner, ARGV[2] expiry_ms, ARGV[3..] field/value pairs.
_COMPLETE = """
local cur = redis.call('HMGET', KEYS[1], 'status', 'owner')
if cur[1] ~= 'INPROGRESS' or cur[2] ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return 1
"""

# KEYS[1] key; ARGV[1] owner.
_RELEASE = """
local cur = redis.call('HMGET', KEYS[1], 'status', 'owner')
if cur[1] ~= 'INPROGRESS' or cur[2] ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
"""


class RedisPersistenceLayer:
    """Records in Redis (or Valkey / ElastiCache / MemoryDB), via the ``redis`` client.

    Args:
        url: a connection URL, e.g. ``redis://host:6379/0`` or ``rediss://...`` for TLS.
        client: a ready ``redis.Redis`` client (wins over every other argument).
        host: connection setting used when no URL is given.
        port: connection setting used when no URL is given.
        db: connection setting used when no URL is given.
        username: connection setting used when no URL is given.
        password: connection setting used when no URL is given.
        ssl: connection setting used when no URL is given.
        namespace: prefix for every Redis key, to share a database with other data.
        socket_timeout_s: connect and read timeout; a slow server fails fast instead of
            using up the invocation.
    """

    def __init__(
        self,
        url: str | None = None,
        client: Any = None,
        *,
        host: str = "localhost",
        port: int = 6379,
        db: int = 0,
        username: str | None = None,
        password: str | None = None,
        ssl: bool = False,
        namespace: str = "",
        socket_timeout_s: float = 5.0,
    ) -> None:
        if client is None:
            redis = require("redis", extra="redis", feature="RedisPersistenceLayer")
            timeouts = {
                "socket_timeout": socket_timeout_s,
                "socket_connect_timeout": socket_timeout_s,
            }
            if url is not None:
                client = redis.Redis.from_url(url, **timeouts)
            else:
                client = redis.Redis(
                    host=host,
                    port=port,
                    db=db,
                    username=username,
                    password=password,
                    ssl=ssl,
                    **timeouts,
                )
        self.client = client
        self.namespace = namespace
        self._acquire = client.register_script(_ACQUIRE)
        self._complete = client.register_script(_COMPLETE)
        self._release = client.register_script(_RELEASE)

    def acquire(self, record: IdempotencyRecord, now_ms: int) -> IdempotencyRecord | None:
        found = self._acquire(
            keys=[self.namespace + record.key],
            args=[now_ms, record.expiry * 1000, *_pairs(record)],
        )
        return None if not found else _record(record.key, found)

    def complete(self, record: IdempotencyRecord) -> bool:
        done = self._complete(
            keys=[self.namespace + record.key],
            args=[record.owner, record.expiry * 1000, *_pairs(record)],
        )
        return bool(done)

    def release(self, key: str, owner: str) -> bool:
        return bool(self._release(keys=[self.namespace + key], args=[owner]))

    def get(self, key: str) -> IdempotencyRecord | None:
        values = self.client.hmget(self.namespace + key, _FIELDS)
        return None if not values or values[0] is None else _record(key, values)


def _pairs(record: IdempotencyRecord) -> list[Any]:
    pairs: list[Any] = ["status", record.status, "expiration", record.expiry, "owner", record.owner]
    if record.in_progress_expiry is not None:
        pairs += ["in_progress_expiration", record.in_progress_expiry]
    if record.data is not None:
        pairs += ["data", record.data]
    if record.validation is not None:
        pairs += ["validation", record.validation]
    return pairs


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.decode() if isinstance(value, bytes) else str(value)


def _record(key: str, values: list[Any]) -> IdempotencyRecord:
    status, expiry, in_progress, data, validation, owner = (_text(v) for v in values)
    stored: Status = COMPLETED if status == COMPLETED else INPROGRESS
    return IdempotencyRecord(
        key=key,
        status=stored,
        expiry=int(expiry or 0),
        in_progress_expiry=int(in_progress) if in_progress is not None else None,
        data=data,
        validation=validation,
        owner=owner or "",
    )
