"""Event dates from French date expressions, relative to the publication date.

"le 21 janvier 2022", "21 janvier", "ce vendredi", "mardi dernier",
"hier", "la semaine prochaine". The first expression found in the
sentence wins; without one the publication date is used and the event
says so (`event_date_source = 'published'`).
"""

from __future__ import annotations

import datetime as dt
import re

_MONTH_NUM = {"janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
              "juillet": 7, "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
              "decembre": 12, "décembre": 12}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
            "dimanche": 6}

_ABS = re.compile(r"\b(1er|\d{1,2})\s+(" + "|".join(_MONTH_NUM) + r")(?:\s+(\d{4}))?\b", re.I)
_WEEKDAY = re.compile(r"\b(ce\s+|le\s+)?(" + "|".join(WEEKDAYS) + r")(\s+dernier|\s+prochain)?\b", re.I)
_RELATIVE = {
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "après-demain": 2,
}
_REL = re.compile(r"\b(avant-hier|hier|aujourd'hui|après-demain|demain)\b", re.I)
_WEEK = re.compile(r"\bla semaine (prochaine|dernière|passée)\b", re.I)


def resolve(sentence: str, published: dt.date) -> tuple[dt.date, str]:
    """(event date, 'text' or 'published')."""
    m = _ABS.search(sentence)
    if m:
        day = 1 if m.group(1).lower() == "1er" else int(m.group(1))
        month = _MONTH_NUM[m.group(2).lower()]
        year = int(m.group(3)) if m.group(3) else published.year
        try:
            value = dt.date(year, month, day)
        except ValueError:
            value = None
        if value is not None:
            # "le 28 décembre" read in early January is last year's.
            if not m.group(3) and (value - published).days > 180:
                value = value.replace(year=year - 1)
            return value, "text"
    m = _REL.search(sentence)
    if m:
        return published + dt.timedelta(days=_RELATIVE[m.group(1).lower()]), "text"
    m = _WEEKDAY.search(sentence)
    if m:
        target = WEEKDAYS[m.group(2).lower()]
        qualifier = (m.group(3) or "").strip().lower()
        delta = (published.weekday() - target) % 7
        if qualifier == "prochain":
            ahead = (target - published.weekday()) % 7 or 7
            return published + dt.timedelta(days=ahead), "text"
        if qualifier == "dernier" and delta == 0:
            delta = 7
        return published - dt.timedelta(days=delta), "text"
    m = _WEEK.search(sentence)
    if m:
        sign = 1 if m.group(1).lower() == "prochaine" else -1
        return published + dt.timedelta(days=7 * sign), "text"
    return published, "published"
