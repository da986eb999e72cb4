"""API keys: shown once when created, stored only as a SHA-256 hash."""

import hashlib
import secrets
from enum import Enum

from .models import ApiKey, utcnow

KEY_PREFIX = "qk_"


class KeyStatus(Enum):
    VALID = "valid"
    UNKNOWN = "unknown"
    REVOKED = "revoked"


def _hash(key):
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(name):
    """Create a key for name; return (ApiKey row, the key in clear, which is never stored)."""
    if not name or not name.strip():
        raise ValueError("a key needs a name")
    key = KEY_PREFIX + secrets.token_urlsafe(24)
    row = ApiKey.create(name=name.strip(), prefix=key[:10], key_hash=_hash(key))
    return row, key


def check_key(key):
    """Return (KeyStatus, ApiKey or None) for a key presented by a client."""
    if not key:
        return KeyStatus.UNKNOWN, None
    row = ApiKey.get_or_none(ApiKey.key_hash == _hash(key))
    if row is None:
        return KeyStatus.UNKNOWN, None
    if row.revoked_at is not None:
        return KeyStatus.REVOKED, row
    return KeyStatus.VALID, row


def revoke_key(prefix_or_name):
    """Revoke the keys whose prefix or name matches; return how many."""
    return (
        ApiKey.update(revoked_at=utcnow())
        .where(((ApiKey.prefix == prefix_or_name) | (ApiKey.name == prefix_or_name)) & ApiKey.revoked_at.is_null())
        .execute()
    )
