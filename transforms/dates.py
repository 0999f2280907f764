"""Publication dates: parse, normalise to UTC, and say how much to trust them.

Rule (documented in the README, "Dates"):
- formats: ISO 8601 / W3C-DTF, and RFC 822/1123/2822 and their common
  variants (English or French month names, optional weekday and seconds);
  for feeds, anything else feedparser recognises;
- a two-digit year `yy` is 20yy, unless that is more than one year after
  the current year, in which case it is 19yy;
- time zones: a numeric offset must be a real one (at most 14:00 either
  way, minutes 00/15/30/45): `+0009` or `+2500` makes the date `invalid`;
  zone names UT/UTC/GMT/Z, the North American ones (EST, EDT, CST, …) and
  the European ones (WET, CET, CEST, EET, BST, MSK, …) are understood;
  an unknown zone name, like no zone at all, is taken as UTC;
- a date that parses and lies no more than one day in the future is `ok`;
  more than one day ahead it is kept but flagged `future`; an impossible
  date (30 February, 25:61), one before 1990, or text that is not a date
  gives `invalid` and no value; no date at all gives `missing`.
The partition date falls back to the ingestion date, never silently: the
status says so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import time

UTC = dt.timezone.utc
EARLIEST = dt.datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_SLACK = dt.timedelta(days=1)
MAX_OFFSET = dt.timedelta(hours=14)
MAX_DATE_CHARS = 200  # a date string longer than this is not a date

# Zone names in hours east of UTC. Anything else alphabetic is taken as UTC.
ZONES: dict[str, float] = {
    "UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AST": -4, "ADT": -3, "AKST": -9, "AKDT": -8, "HST": -10,
    "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2,
    "EET": 2, "EEST": 3, "MSK": 3,
}
MONTHS: dict[str, int] = {}
for _n, _names in enumerate((
    ("jan", "january", "janv", "janvier"), ("feb", "february", "fev", "fevr", "févr", "février", "fevrier"),
    ("mar", "march", "mars"), ("apr", "april", "avr", "avril"), ("may", "mai"), ("jun", "june", "juin"),
    ("jul", "july", "juil", "juillet"), ("aug", "august", "aou", "aout", "août"),
    ("sep", "sept", "september", "septembre"), ("oct", "october", "octobre"),
    ("nov", "november", "novembre"), ("dec", "december", "déc", "décembre", "decembre"),
), start=1):
    for _name in _names:
        MONTHS[_name] = _n

_RFC822 = re.compile(
    r"""^(?:[^\W\d_]{2,10}\.?,?\s*)?                       # weekday, any language, ignored
        (?P<day>\d{1,2})[\s-]+(?P<mon>[^\W\d_]{3,10})\.?[\s-]+(?P<year>\d{4}|\d{2})
        (?:[\s,T]+(?P<h>\d{1,2})[:h.](?P<m>\d{2})(?:[:.](?P<s>\d{2})(?:[.,]\d+)?)?)?
        \s*(?P<tz>[A-Za-z]{1,5}|[+-]\d{4}|[+-]\d{2}:\d{2}|[+-]\d{2})?
        \s*(?:\([^)]*\))?$""",
    re.X,
)
# A numeric offset after a time of day, in any format (ISO or RFC 822), for the sanity check.
_NUMERIC_OFFSET = re.compile(r"\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*[+-](\d{2}):?(\d{2})\s*$")
_ISO_START = re.compile(r"^\d{4}-?\d{2}")


def now_utc() -> dt.datetime:
    return dt.datetime.now(tz=UTC).replace(microsecond=0)


class _Invalid(ValueError):
    pass


def offset_is_real(offset: dt.timedelta) -> bool:
    """True for offsets some place on earth uses: within ±14:00, on a quarter hour."""
    return abs(offset) <= MAX_OFFSET and offset.total_seconds() % 900 == 0


def raw_offset_is_bogus(raw: str) -> bool:
    """True when a date string ends with a numeric offset no place uses (+0009, +2500)."""
    m = _NUMERIC_OFFSET.search(raw)
    if not m:
        return False
    return not offset_is_real(dt.timedelta(hours=int(m.group(1)), minutes=int(m.group(2))))


def two_digit_year(yy: int, now: dt.datetime) -> int:
    """20yy unless that is more than one year after the current year, then 19yy."""
    return 2000 + yy if 2000 + yy <= now.year + 1 else 1900 + yy


def _check(value: dt.datetime, now: dt.datetime) -> tuple[dt.datetime | None, str]:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # naive dates are taken as UTC (documented)
    offset = value.utcoffset()
    if offset is not None and not offset_is_real(offset):
        return None, "invalid"
    value = value.astimezone(UTC)
    if value < EARLIEST:
        return None, "invalid"
    if value > now + FUTURE_SLACK:
        return value, "future"
    return value, "ok"


def _parse_rfc822(text: str, now: dt.datetime) -> dt.datetime:
    m = _RFC822.match(text)
    if not m:
        raise _Invalid(text)
    month = MONTHS.get(m["mon"].lower().rstrip("."))
    if month is None:
        raise _Invalid(text)
    year = int(m["year"])
    if len(m["year"]) == 2:
        year = two_digit_year(year, now)
    tz = m["tz"] or ""
    if not tz or tz.isalpha():
        tzinfo = dt.timezone(dt.timedelta(hours=ZONES.get(tz.upper(), 0)))
    else:
        sign = -1 if tz[0] == "-" else 1
        digits = tz[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:] or 0)
        offset = dt.timedelta(hours=hours, minutes=minutes)
        if not offset_is_real(offset):
            raise _Invalid(f"impossible offset {tz}")
        tzinfo = dt.timezone(sign * offset)
    return dt.datetime(year, month, int(m["day"]), int(m["h"] or 0), int(m["m"] or 0), int(m["s"] or 0),
                       tzinfo=tzinfo)


def _parse_iso(text: str) -> dt.datetime:
    if not _ISO_START.match(text):
        raise _Invalid(text)
    value = dt.datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00").replace(" ", "T", 1))
    return value


def _parse(text: str, now: dt.datetime) -> dt.datetime | None:
    """The datetime a string spells by our rule (possibly naive), or None if it spells none."""
    if len(text) > MAX_DATE_CHARS:
        return None
    for parser in (_parse_iso, lambda t: _parse_rfc822(t, now)):
        try:
            return parser(text)
        except (ValueError, OverflowError, TypeError):
            continue
    return None


def _checked(value: dt.datetime | None, now: dt.datetime) -> tuple[dt.datetime | None, str]:
    if value is None:
        return None, "invalid"
    try:
        return _check(value, now)
    except (OverflowError, ValueError):
        return None, "invalid"


def parse_date(raw: str | None, now: dt.datetime | None = None) -> tuple[dt.datetime | None, str]:
    """ISO 8601 or RFC 822 text to (UTC datetime or None, status); never raises."""
    now = now or now_utc()
    if raw is None or not str(raw).strip():
        return None, "missing"
    return _checked(_parse(" ".join(str(raw).split()), now), now)


def from_struct_time(st: time.struct_time | None, raw: str | None,
                     now: dt.datetime | None = None) -> tuple[dt.datetime | None, str]:
    """A feed date: the raw string by our rule first, else feedparser's parse of it (a UTC struct_time).

    feedparser knows more formats than we do, but it accepts offsets such as
    +2500 and reads zone names it does not know (CET) as UTC; so its value is
    only used when our parser cannot read the string at all, and never when
    the string ends with an impossible offset.
    """
    now = now or now_utc()
    raw = raw if isinstance(raw, str) and raw.strip() else None
    if raw is not None:
        text = " ".join(raw.split())
        ours = _parse(text, now)
        if ours is not None or raw_offset_is_bogus(text) or st is None:
            return _checked(ours, now)
    if st is not None:
        try:
            return _check(dt.datetime.fromtimestamp(calendar.timegm(st), tz=UTC), now)
        except (OverflowError, ValueError, OSError, TypeError):
            return None, "invalid"
    return None, "missing"


def partition_day(published_at: dt.datetime | None, status: str, ingested_at: dt.datetime) -> dt.date:
    """The article's `date=` partition: publication day when trusted, else ingestion day."""
    if published_at is not None and status == "ok":
        return published_at.astimezone(UTC).date()
    return ingested_at.astimezone(UTC).date()
