"""Portable column types: lossless text and aware UTC datetimes, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from sqlalchemy import DateTime, String, Text
from sqlalchemy.types import TypeDecorator

# PostgreSQL text cannot hold NUL and no UTF-8 database can hold a lone surrogate, yet a trainee
# can type (or paste) anything. Those characters, and the escape character itself, are stored as
# ESCAPE + 4 hex digits; everything else is stored as typed, so the database stays readable.
_ESCAPE = "\ue000"  # a private-use character: practically never typed
_NEEDS_ESCAPE = re.compile("[\x00\ue000\ud800-\udfff]")
_ESCAPED = re.compile(_ESCAPE + "([0-9a-f]{4})")


def escape_text(value: str) -> str:
    return _NEEDS_ESCAPE.sub(lambda m: f"{_ESCAPE}{ord(m.group()):04x}", value)


def unescape_text(value: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)


class SafeText(TypeDecorator):
    """Text of any size and any code point, stored losslessly."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect) -> str | None:
        return None if value is None else escape_text(value)

    def process_result_value(self, value: str | None, dialect) -> str | None:
        return None if value is None else unescape_text(value)


class SafeString(SafeText):
    """A bounded string (ids), escaped like SafeText so any lookup value is harmless."""

    impl = String
    cache_ok = True


class UtcDateTime(TypeDecorator):
    """Stores UTC; always returns an aware datetime (SQLite drops the zone on the way back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass a timezone-aware one (UTC)")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)
