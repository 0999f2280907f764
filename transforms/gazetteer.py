"""The actor gazetteer: countries, capitals, organisations, people, role phrases, communities.

Loaded once per worker from the TSV files in `lexicons/actors/`. Lookup is
by normalised text (no accents, lower case, hyphens and apostrophes spaced)
so "Etats-Unis", "États-Unis" and "etats unis" are one key, while the match
itself runs over the parser's tokens (see transforms/entities.py).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from lexicons import LexiconError, path, read_tsv

NATIONAL_SECTORS = {"GOV", "OPP", "LEG", "JUD", "COP", "MED", "BUS", "NGO", "CVL", "EDU", "LAB", "HLH",
                    "ELI", "SPY", "REB"}
MAX_NAME_TOKENS = 8  # longer aliases are formal full names that news never writes
_APOS = re.compile(r"[’'`´]")
_SEP = re.compile(r"[\s\-‐‑–—_]+")


_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)


def caps_match(surface: str, text: str) -> bool:
    """Does `text` honour the capitals of the listed spelling `surface`?

    A capitalised word must be capitalised in the text, an acronym must be in capitals:
    "Le Monde" is the newspaper, "le monde" is the world; "UN" is not "Un"."""
    want, got = _WORDS.findall(surface), _WORDS.findall(text)
    if len(want) != len(got):
        return surface[:1].isupper() <= text[:1].isupper()
    for w, g in zip(want, got, strict=True):
        if len(w) >= 2 and w.isupper() and not g.isupper():
            return False
        if w[:1].isupper() and not g[:1].isupper():
            return False
    return True


@lru_cache(maxsize=500_000)
def norm(text: str) -> str:
    """Accent- and case-insensitive key; apostrophes and hyphens become spaces (cached: the same
    tokens come back all the time)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOS.sub("' ", text.lower())
    return _SEP.sub(" ", text).strip()


@dataclass(frozen=True)
class Actor:
    """One way to resolve a name: what it refers to and how it was listed."""

    kind: str  # country / capital / organisation / person / role
    canonical_name: str
    code: str | None  # CAMEO-style code; for roles, filled in once the country is known
    country: str | None
    sector: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    primary: bool = True  # the canonical spelling rather than an alias
    surface: str = ""  # the listed spelling: its capitals must be capitals in the text
    lat: float | None = None
    lon: float | None = None
    older: bool = False  # from the older PETRARCH lists, not ours: an exact name only

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


GROUP_KINDS = {"ethnic", "religious"}


@dataclass(frozen=True)
class Group:
    """A community named by a noun: "les Ouïghours" (home country CHN), "les musulmans" (none:
    the country comes from the context)."""

    name: str
    country: str | None
    kind: str  # ethnic / religious
    surface: str = ""  # the spelling listed, whose capitals the text must honour

    @property
    def capitalised(self) -> bool:
        return self.surface[:1].isupper()


def _date(value: str, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise LexiconError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from e


def _split(cell: str) -> list[str]:
    return [c.strip() for c in cell.split("|") if c.strip()]


class Gazetteer:
    """Name index plus the adjective table used by role phrases."""

    def __init__(self) -> None:
        self.names: dict[str, list[Actor]] = defaultdict(list)
        self.adjectives: dict[str, str] = {}  # norm(adjective) -> ISO3
        self.country_names: dict[str, str] = {}  # ISO3 -> canonical French name
        self.country_cameo: dict[str, str] = {}  # ISO3 -> CAMEO country code
        self.capitals: dict[str, Actor] = {}  # ISO3 -> first capital
        self.roles: dict[str, tuple[str, str]] = {}  # norm(phrase) -> (sector, office)
        self.roles_needing_country: set[str] = set()  # roles that name no one without a country word
        self.roles_at_home: set[str] = set()  # offices of the news sources' own state ("ministre des Armées")
        self.surnames: dict[str, list[Actor]] = defaultdict(list)
        self.groups: dict[str, Group] = {}  # norm(name) -> ethnic or religious community
        self.max_tokens = 1
        self.first_words: set[str] = set()  # first word of every name and role: cheap pre-check

    # ------------------------------------------------------------------ loading
    def add(self, name: str, actor: Actor) -> None:
        key = norm(name)
        if not key or len(key.split()) > MAX_NAME_TOKENS:
            return
        self.names[key].append(replace(actor, surface=name))
        self.first_words.add(key.split()[0])
        self.max_tokens = max(self.max_tokens, len(key.split()))

    def load_countries(self, file: Path) -> None:
        for lineno, row in read_tsv(file, ("iso3", "cameo", "name", "adjectives", "capitals")):
            where = f"{file}:{lineno}"
            iso, cameo, name = row["iso3"], row["cameo"], row["name"]
            if not re.fullmatch(r"[A-Z]{3}", iso) or not re.fullmatch(r"[A-Z]{3}", cameo):
                raise LexiconError(f"{where}: iso3/cameo must be 3 capital letters")
            self.country_names[iso] = name
            self.country_cameo[iso] = cameo
            self.add(name, Actor("country", name, cameo, iso, None))
            for alias in _split(row.get("aliases", "")):
                self.add(alias, Actor("country", name, cameo, iso, None, primary=False))
            for adj in _split(row["adjectives"]):
                self.adjectives.setdefault(norm(adj), iso)
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except ValueError as e:
                raise LexiconError(f"{where}: lat/lon must be numbers") from e
            for n, cap in enumerate(_split(row["capitals"])):
                actor = Actor("capital", cap, cameo + "GOV", iso, "GOV",
                              lat=lat if n == 0 else None, lon=lon if n == 0 else None)
                self.add(cap, actor)
                if n == 0:
                    self.capitals[iso] = actor

    def load_organisations(self, file: Path) -> None:
        for lineno, row in read_tsv(file, ("code", "name", "sector")):
            code = row["code"]
            if not re.fullmatch(r"[A-Z0-9]{2,12}", code):
                raise LexiconError(f"{file}:{lineno}: code must be 2-12 capitals or digits")
            country = row.get("country") or None
            # a national body (party, ministry, media, company, armed group) is coded like CAMEO
            # and PETRARCH do, country + sector (FRAOPP; the FARC are COLREB, the Houthis YEMREB),
            # its name kept as the canonical name; IGOs, paramilitaries and groups with no single
            # country keep their own code (NATO, WAGNER, ISIL)
            full = (country + row["sector"]) if country and row["sector"] in NATIONAL_SECTORS else code
            self.add(row["name"], Actor("organisation", row["name"], full, country, row["sector"],
                                        ))
            for alias in _split(row.get("aliases", "")):
                self.add(alias, Actor("organisation", row["name"], full, country, row["sector"],
                                      primary=False))

    def load_seats(self, file: Path) -> None:
        """Cities that stand for an organisation (Genève for the UN): an actor by metonymy,
        a place in their country otherwise."""
        for lineno, row in read_tsv(file, ("name", "country", "code", "lat", "lon")):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except ValueError as e:
                raise LexiconError(f"{file}:{lineno}: lat/lon must be numbers") from e
            for name in _split(row["name"]):
                self.add(name, Actor("capital", _split(row["name"])[0], row["code"], row["country"],
                                     row.get("sector") or None, lat=lat, lon=lon))

    def load_people(self, file: Path, skip_known: bool = False) -> None:
        """People with dated roles. With skip_known (the PETRARCH import), a person whose
        name is already listed (our curated file, French spellings) is left to that file."""
        known = {key for key, acts in self.names.items() if any(a.kind == "person" for a in acts)} \
            if skip_known else set()
        for lineno, row in read_tsv(file, ("name", "code", "sector")):
            where = f"{file}:{lineno}"
            if norm(row["name"]) in known:
                continue
            start, end = _date(row.get("start", ""), where), _date(row.get("end", ""), where)
            if start and end and end < start:
                raise LexiconError(f"{where}: end {end} before start {start}")
            actor = Actor("person", row["name"], row["code"], row.get("country") or None,
                          row["sector"], start=start, end=end, older=skip_known)
            self.add(row["name"], actor)
            for alias in _split(row.get("aliases", "")):
                if norm(alias) in known:
                    continue
                self.add(alias, Actor("person", row["name"], row["code"], actor.country,
                                      row["sector"], start=start, end=end, primary=False, older=skip_known))
            surname = norm(row["name"]).split()[-1]
            # a surname alone names someone of our own list only: among the 26,000 older
            # PETRARCH entries it is mostly someone else ("Thomas", "Hansen", "Shein")
            if len(surname) >= 4 and not skip_known:
                self.surnames[surname].append(actor)

    def load_roles(self, file: Path) -> None:
        for lineno, row in read_tsv(file, ("phrase", "sector")):
            key = norm(row["phrase"])
            self.roles[key] = (row["sector"], row.get("person", ""))
            needs = row.get("needs", "")
            if needs not in ("", "country", "home"):
                raise LexiconError(f"{file}:{lineno}: needs must be empty, 'country' or 'home', not {needs!r}")
            if needs == "country":
                self.roles_needing_country.add(key)
            elif needs == "home":
                self.roles_at_home.add(key)
            first = key.split()[0]
            self.first_words.update({first, first + "s", first + "x"})
            self.max_tokens = max(self.max_tokens, len(key.split()))

    def load_groups(self, file: Path) -> None:
        """Ethnic and religious communities (after countries, organisations and people, whose
        names they must not take over)."""
        for lineno, row in read_tsv(file, ("name", "kind")):
            where = f"{file}:{lineno}"
            kind, iso = row["kind"], row.get("country") or None
            if kind not in GROUP_KINDS:
                raise LexiconError(f"{where}: kind must be one of {sorted(GROUP_KINDS)}, not {kind!r}")
            if iso is not None and iso not in self.country_cameo:
                raise LexiconError(f"{where}: unknown country {iso!r} (not in countries.tsv)")
            group = Group(row["name"], iso, kind)
            for name in [row["name"], *_split(row.get("aliases", ""))]:
                key = norm(name)
                if key in self.groups or key in self.names or key in self.adjectives:
                    raise LexiconError(f"{where}: {name!r} already names something else")
                self.groups[key] = replace(group, surface=name)
            for adj in _split(row.get("adjectives", "")):
                if iso is None:
                    raise LexiconError(f"{where}: adjectives need the group's country")
                self.adjectives.setdefault(norm(adj), iso)

    # ------------------------------------------------------------------ lookup
    def lookup(self, key: str) -> list[Actor]:
        return self.names.get(key, [])

    def person_on(self, candidates: list[Actor], day: dt.date | None) -> Actor | None:
        """The person's entry in force on `day`; else their latest, as a former official."""
        people = [a for a in candidates if a.kind == "person"]
        if not people:
            return None
        names = {a.canonical_name for a in people}
        if len(names) > 1:
            return None  # two people share this name: ambiguous
        current = [a for a in people if a.valid_on(day)]
        if current:
            return min(current, key=lambda a: (a.sector != "GOV", not a.primary))
        latest = max(people, key=lambda a: a.end or dt.date.max)
        elite = (latest.country or "") + "ELI" if latest.country else latest.code
        return Actor("person", latest.canonical_name, elite, latest.country, "ELI",
                     primary=latest.primary)


def load_default() -> Gazetteer:
    """The gazetteer shipped with vigie (cached: one per process)."""
    return _load_default()


@lru_cache(maxsize=1)
def _load_default() -> Gazetteer:
    g = Gazetteer()
    g.load_countries(path("actors/countries.tsv"))
    g.load_organisations(path("actors/organisations.tsv"))
    g.load_seats(path("actors/seats.tsv"))
    g.load_people(path("actors/people.tsv"))
    g.load_people(path("actors/petrarch_people.tsv"), skip_known=True)
    g.load_roles(path("actors/roles.tsv"))
    g.load_groups(path("actors/groups.tsv"))
    return g
