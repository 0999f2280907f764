"""Event dates from French date expressions, relative to the publication date.

"le 21 janvier 2022", "21 janvier", "ce vendredi", "mardi dernier", "hier", "ce matin", "dans la
nuit", "la veille", "il y a trois jours", "ce week-end", "la semaine prochaine", "en novembre 2020",
"en mai dernier", "le mois dernier", "en 2019", "l'an dernier". `expressions` finds
every one in a text with its position, so that the coder can take the one in the event's own
clause (transforms/events.py); `resolve` reads a sentence alone. Without an expression the
publication date is used and the event says so (`event_date_source = 'published'`). A month or a
year alone dates the event to its first day, and says so ('text_month', 'text_year'): "arrêté en
novembre 2020" is not an arrest on the day of publication.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTH_NUM = {"janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
              "juillet": 7, "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
              "decembre": 12, "décembre": 12}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
            "dimanche": 6}
MONTHS = frozenset(_MONTH_NUM)
_MONTHS = "|".join(_MONTH_NUM)

# (a weekday before the day is part of it: "lundi 24 janvier"; of "les 7 et 8 février", the first)
_ABS = re.compile(r"\b(?:(?:" + "|".join(WEEKDAYS) + r")\s+)?(1er|\d{1,2})\s+(?:et\s+(?:1er|\d{1,2})\s+)?("
                  + _MONTHS + r")(?:\s+(1[5-9]\d\d|2\d{3}))?\b", re.I)
_WEEKDAY = re.compile(r"\b(ce\s+|le\s+)?(" + "|".join(WEEKDAYS) + r")(\s+dernier|\s+prochain)?\b", re.I)
_RELATIVE = {
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1, "après-demain": 2,
}
_REL = re.compile(r"\b(avant-hier|hier|aujourd'hui|après-demain|demain)\b", re.I)
# "dans la nuit" (not "dans la nuit de samedi à dimanche": a weekday), "la veille" (not "la veille du
# sommet"): the night or the day before publication
_NIGHT = re.compile(r"\b(dans la nuit|cette nuit|la nuit dernière|la veille|l[’']avant-veille)\b"
                    r"(?!\s+(?:de|du|d[’']))", re.I)
# "il y a trois jours", "il y a deux semaines", "il y a six mois", "il y a dix ans"
_NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
            "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30}
_AGO = re.compile(r"\bil y a (\d{1,3}|" + "|".join(_NUMBERS) + r") (jours?|semaines?|mois|ans?|années?)\b", re.I)
# "ce matin", "ce soir", "cet après-midi": the day of publication, said in the text
_TODAY = re.compile(r"\b(ce matin|ce soir|cet après-midi)\b", re.I)
# "ce week-end", "le week-end dernier": the Saturday of that weekend
_WEEKEND = re.compile(r"\b(ce|le) week-end( dernier| prochain)?\b", re.I)
_WEEK = re.compile(r"\bla semaine (prochaine|dernière|passée)\b", re.I)
# "en novembre 2020", "fin janvier", "en mai dernier", "dès le mois de juin" (not "le 3 mai": _ABS)
_MONTH = re.compile(r"\b(?:en|fin|début|mi-|courant|dès|au mois de|le mois de|dès le mois de)\s*(" + _MONTHS
                    + r")(?:\s+(1[5-9]\d\d|2\d{3})|\s+(dernier|prochain))?\b", re.I)
_MONTH_REL = re.compile(r"\ble mois (dernier|prochain|passé)\b", re.I)
_YEAR = re.compile(r"\b(?:en|dès|courant|fin|début)\s+((?:19|20)\d{2})\b", re.I)
_YEAR_REL = re.compile(r"\bl[’']an(?:née)? (dernier|dernière|prochain|prochaine|passé|passée)\b", re.I)
# a start, an end or a span ("depuis le 3 janvier", "à partir du 1er février", "d'ici juin") says
# when something began or must end, not when the event was
_BOUND = re.compile(r"(?:depuis|à partir d[eu]|a partir d[eu]|d[’']ici(?: à| au| la)?|jusqu[’']\s*(?:au|à|en)|"
                    r"avant|après)\s+(?:le\s+|la\s+|l[’']\s*)?$", re.I)


@dataclass(frozen=True)
class Expression:
    """A date expression: where it is in the text searched, the day it gives, and how precise it is
    ('text' a day, 'text_month' or 'text_year' the first day of a month or a year)."""
    start: int
    end: int
    day: dt.date
    source: str
    rank: int  # how surely it dates an event: a day first, a week, a month, then a year


def _past_or_future(value: dt.date, published: dt.date, future: bool) -> dt.date:
    """A day given without its year: the nearest such day before publication (after it, for a future
    event), unless it is within a few days on the other side."""
    step = 1 if future and value < published - dt.timedelta(days=7) else -1 if not future and (
        value - published).days > 180 else 0
    try:
        return value.replace(year=value.year + step)
    except ValueError:  # a 29 February in a year without one
        return value


def _month_first(year: int, month: int) -> dt.date:
    return dt.date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def expressions(text: str, published: dt.date, future: bool = False) -> list[Expression]:
    """Every date expression in text, in text order, starts and ends ("depuis mardi") left out.
    future: the event is to come ("se rendra lundi à Moscou"): a bare weekday or month is the next one."""
    out: list[Expression] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], day: dt.date | None, source: str, rank: int, anchor: int = 0) -> None:
        if day is None or any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        if _BOUND.search(text[max(0, m.start() - 20):m.start()]):
            return
        out.append(Expression(m.start(anchor), m.end(), day, source, rank))

    for m in _ABS.finditer(text):
        day_num = 1 if m.group(1).lower() == "1er" else int(m.group(1))
        month = _MONTH_NUM[m.group(2).lower()]
        year = int(m.group(3)) if m.group(3) else published.year
        try:
            value = dt.date(year, month, day_num)
        except ValueError:
            continue
        add(m, value if m.group(3) else _past_or_future(value, published, future), "text", 0, anchor=1)
    for m in _REL.finditer(text):
        add(m, published + dt.timedelta(days=_RELATIVE[m.group(1).lower()]), "text", 0)
    for m in _NIGHT.finditer(text):
        add(m, published - dt.timedelta(days=2 if "avant" in m.group(1).lower() else 1), "text", 0)
    for m in _WEEKDAY.finditer(text):
        target = WEEKDAYS[m.group(2).lower()]
        qualifier = (m.group(3) or "").strip().lower()
        if qualifier == "prochain" or future and qualifier != "dernier":
            ahead = (target - published.weekday()) % 7
            value = published + dt.timedelta(days=ahead or (7 if qualifier == "prochain" else 0))
        else:
            delta = (published.weekday() - target) % 7
            value = published - dt.timedelta(days=delta or (7 if qualifier == "dernier" else 0))
        add(m, value, "text", 0, anchor=2)
    for m in _AGO.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1).lower()]
        unit = m.group(2).lower()
        if unit.startswith("jour"):
            add(m, published - dt.timedelta(days=n), "text", 0)
        elif unit.startswith("semaine"):
            add(m, published - dt.timedelta(days=7 * n), "text", 1)
        elif unit == "mois":
            add(m, _month_first(published.year, published.month - n), "text_month", 2)
        else:
            add(m, dt.date(published.year - n, 1, 1), "text_year", 3)
    for m in _TODAY.finditer(text):
        add(m, published, "text", 0)
    for m in _WEEKEND.finditer(text):
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)  # the last one, or today
        in_weekend = published.weekday() >= 5
        which = (m.group(2) or "").strip().lower()
        # (said on a Thursday or a Friday, or of what is to come, "ce week-end" is the coming one)
        if which == "prochain" or not which and not in_weekend and (future or published.weekday() >= 3):
            saturday += dt.timedelta(days=7)
        elif which == "dernier" and in_weekend:
            saturday -= dt.timedelta(days=7)
        add(m, saturday, "text", 0)
    for m in _WEEK.finditer(text):
        add(m, published + dt.timedelta(days=7 if m.group(1).lower() == "prochaine" else -7), "text", 1)
    for m in _MONTH.finditer(text):
        month = _MONTH_NUM[m.group(1).lower()]
        if m.group(2):
            value = dt.date(int(m.group(2)), month, 1)
        else:
            value = dt.date(published.year, month, 1)
            later = value > _month_first(published.year, published.month)
            if (m.group(3) or "").lower() == "dernier" and value >= _month_first(published.year, published.month):
                value = value.replace(year=value.year - 1)
            elif (m.group(3) or "").lower() == "prochain" and not later:
                value = value.replace(year=value.year + 1)
            elif not m.group(3) and later and not future:
                value = value.replace(year=value.year - 1)
        add(m, value, "text_month", 2, anchor=1)
    for m in _MONTH_REL.finditer(text):
        step = 1 if m.group(1).lower() == "prochain" else -1
        add(m, _month_first(published.year, published.month + step), "text_month", 2)
    for m in _YEAR.finditer(text):
        add(m, dt.date(int(m.group(1)), 1, 1), "text_year", 3, anchor=1)
    for m in _YEAR_REL.finditer(text):
        step = 1 if m.group(1).lower().startswith("prochain") else -1
        add(m, dt.date(published.year + step, 1, 1), "text_year", 3)
    return sorted(out, key=lambda x: x.start)


def closes_caption(text: str, x: Expression) -> bool:
    """A photo caption's date: a day after a comma at the very end ("…, à Kiev, le 3 mars 2022.")."""
    return x.source == "text" and bool(re.search(r",\s*(?:le\s+)?\S*\s*$", text[:x.start])) and \
        not re.sub(r"[\s.)»]+", "", text[x.end:])


def resolve(sentence: str, published: dt.date, future: bool = False) -> tuple[dt.date, str]:
    """(event date, source) for a sentence read alone: its most precise expression, the first of
    those; else the publication date, 'published'."""
    found = expressions(sentence, published, future)
    if not found:
        return published, "published"
    best = min(found, key=lambda x: (x.rank, x.start))
    return best.day, best.source
