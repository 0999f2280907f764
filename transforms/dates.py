"""Publication dates: parse, normalise to UTC, and say how much to trust them.

Rule (documented in the README): a date that parses and lies no more than
one day in the future is `ok`; a date more than one day ahead is kept but
flagged `future`; a date string that cannot be parsed, or is before 1990,
gives `invalid` and no value; no date at all gives `missing`. The partition
date falls back to the ingestion date, never silently: the status says so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import time

UTC = dt.timezone.utc
EARLIEST = dt.datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_SLACK = dt.timedelta(days=1)


def now_utc() -> dt.datetime:
    return dt.datetime.now(tz=UTC).replace(microsecond=0)


def _check(value: dt.datetime, now: dt.datetime) -> tuple[dt.datetime | None, str]:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # naive dates are taken as UTC (documented)
    value = value.astimezone(UTC)
    if value < EARLIEST:
        return None, "invalid"
    if value > now + FUTURE_SLACK:
        return value, "future"
    return value, "ok"


def parse_date(raw: str | None, now: dt.datetime | None = None) -> tuple[dt.datetime | None, str]:
    """ISO 8601 or RFC 822 text to (UTC datetime or None, status)."""
    now = now or now_utc()
    if raw is None or not str(raw).strip():
        return None, "missing"
    text = str(raw).strip()
    value: dt.datetime | None = None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            value = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            value = None
    if value is None:
        return None, "invalid"
    try:
        return _check(value, now)
    except (OverflowError, ValueError):
        return None, "invalid"


def from_struct_time(st: time.struct_time | None, raw: str | None,
                     now: dt.datetime | None = None) -> tuple[dt.datetime | None, str]:
    """feedparser's parsed date (a UTC struct_time) with its raw string as fallback."""
    now = now or now_utc()
    if st is not None:
        try:
            return _check(dt.datetime.fromtimestamp(calendar.timegm(st), tz=UTC), now)
        except (OverflowError, ValueError, OSError):
            return None, "invalid"
    if raw:
        value, status = parse_date(raw, now)
        return (value, status) if value is not None else (None, "invalid")
    return None, "missing"


def partition_day(published_at: dt.datetime | None, status: str, ingested_at: dt.datetime) -> dt.date:
    """The article's `date=` partition: publication day when trusted, else ingestion day."""
    if published_at is not None and status == "ok":
        return published_at.astimezone(UTC).date()
    return ingested_at.astimezone(UTC).date()
