"""Entities branch: every mention in a parsed article, resolved to an actor.

Passes over the parser's tokens, all plain functions:
1. a gazetteer ruler: longest match of country, capital, organisation and
   person names, and role phrases with the country beside them ("le
   chancelier allemand") — these re-segment spaCy's spans where they overlap;
2. spaCy's own entities that the ruler did not cover, resolved by surname
   (within the article first) or fuzzy matching (rapidfuzz);
3. linking within the article: bare surnames, appositions ("le ministre grec,
   Nikolaos Dendias"), photo credits, city names (GeoNames), roles with no
   country word (from the sentence's context), and role phrases pointing to the
   person already named.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics

from schemas import SCHEMA_VERSION
from transforms.gazetteer import Actor, Gazetteer, caps_match, load_default, norm
from transforms.lexicon import load_word_classes
from transforms.nlp import ParsedDoc
from transforms.rejects import REJECT_TAG, guarded
from transforms.syntax import has_reflexive
from transforms.text import stable_id

FUZZY_THRESHOLD = 88.0  # rapidfuzz ratio on normalised names; see bench/actors.py
LOCATION_CASES = {"a", "à", "en", "dans", "vers", "depuis"}
_OF = {"de", "du", "d'", "des"}
# members of a body named after them ("des militants de SOS Racisme") are that body
MEMBER_WORDS = frozenset(load_word_classes()["member"])
ASSOCIATION_WORDS = frozenset(load_word_classes()["association"])
OFFICES = frozenset({"GOV", "LEG", "JUD", "MIL", "COP"})  # sectors of a state's offices
_ARTICLES = {"la", "l'", "le", "les"}
# the part of a country a role is of ("les autorités du nord-est de la Syrie" are Syria's)
_PARTS = {"nord", "sud", "est", "ouest", "nord est", "nord ouest", "sud est", "sud ouest", "centre"}
_LABELS = {"country": "LOC", "capital": "LOC", "organisation": "ORG", "person": "PER", "role": "ROLE"}


@dataclass(frozen=True)
class Mention:
    """A resolved (or not) mention: token range, text offsets and actor."""

    start: int  # token range [start, end)
    end: int
    start_char: int
    end_char: int
    text: str
    label: str
    canonical_name: str | None
    actor_code: str
    country: str | None
    sector: str | None
    resolution: str
    confidence: float
    kind: str  # country / capital / place / city / organisation / person / role / unknown

    @property
    def resolved(self) -> bool:
        return self.actor_code != "UNK"


# Roles a bloc adjective makes the bloc's: governments, diplomats, courts, armies.
BLOC_SECTORS = {"GOV", "JUD", "MIL"}


def _mention(doc: ParsedDoc, start: int, end: int, actor: Actor | None, *, label: str,
             resolution: str, confidence: float, kind: str | None = None,
             code: str | None = None, country: str | None = None) -> Mention:
    while end - 1 > start and not doc.words[end - 1].strip():
        end -= 1  # spaCy spans sometimes end on a paragraph break ("Minsk\n\n")
    return Mention(
        start=start, end=end, start_char=doc.idx[start], end_char=doc.end_char(end - 1),
        text=doc.span_text(start, end), label=label,
        canonical_name=actor.canonical_name if actor else None,
        actor_code=code or (actor.code if actor and actor.code else "UNK"),
        country=(country or None) if country is not None else (actor.country if actor else None),
        sector=actor.sector if actor else None, resolution=resolution,
        confidence=round(confidence, 3), kind=kind or (actor.kind if actor else "unknown"),
    )


def _on_subject(doc: ParsedDoc, k: int) -> bool:
    """Token k is inside the subject of its clause."""
    seen = 0
    while doc.heads[k] != k and seen < 12:
        if doc.deps[k] in ("nsubj", "nsubj:pass"):
            return True
        k, seen = doc.heads[k], seen + 1
    return False


def _comma_and_articles(doc: ParsedDoc, a: int, b: int) -> bool:
    """Only a comma and at most one article from a to b: the gap of "X, la candidate"."""
    return 0 < b - a <= 2 and doc.words[a] == "," and all(doc.pos[k] == "DET" for k in range(a + 1, b))


def _apposed_after(doc: ParsedDoc, name: Mention, role: Mention) -> bool:
    """The role follows the name as its apposition: "X, (la) candidate …", the parse hanging the
    role on the name ("X, le ministre a présenté …" starts a clause instead). One test for both
    directions of resolution: a role takes a known person's code, an unknown person the role's."""
    return _comma_and_articles(doc, name.end, role.start) and name.start <= doc.heads[role.start] < name.end


# Home institutions whose names other states' institutions share (lexicons/wordclasses.tsv)
SHARED_INSTITUTIONS = frozenset(norm(w) for w in load_word_classes()["shared_institution"])


class Resolver:
    """Finds and resolves the mentions of one article; reusable across articles."""

    def __init__(self, gazetteer: Gazetteer, places: Any = None, home_country: str | None = None) -> None:
        self.g = gazetteer
        self._inner: tuple[int, int] | None = None
        self.places = places  # transforms.places.Places, to place unresolved city names
        # the news source's country (ISO3): the country of roles ("les députés", "le parquet")
        # in an article that names none; None drops them instead
        self.home_country: str | None = home_country
        self._fuzzy_index: dict[str, tuple[list[str], list[list[Actor]]]] = {}
        for kind_group, kinds in (("PER", {"person"}), ("LOC", {"country", "capital"}),
                                  ("ORG", {"organisation"})):
            for k, actors in gazetteer.names.items():
                # (people of the older PETRARCH lists by their exact name only: close to one of
                # 26,000 names, a name is mostly someone else's)
                if any(a.kind in kinds and not a.older for a in actors) and len(k) >= 5:
                    # bucketed by first letter: typos and transliterations rarely touch it,
                    # and it makes a lookup scan hundreds of names instead of tens of thousands
                    keys, acts = self._fuzzy_index.setdefault(f"{kind_group}:{k[0]}", ([], []))
                    keys.append(k)
                    acts.append(actors)
        self._fuzzy_cache: dict[tuple[str, str], tuple[Actor, float] | None] = {}
        from transforms.lexicon import load_blocs  # (lexicon imports nothing of ours: no cycle)

        self.blocs: dict[str, Actor] = load_blocs(lambda name: gazetteer.lookup(norm(name)))
        self._mention_cache: OrderedDict[int, tuple[ParsedDoc, dt.date | None, list[Mention]]] = OrderedDict()

    # ------------------------------------------------------------------ pass 1
    def _country_after(self, doc: ParsedDoc, nt: list[str], k: int, limit: int
                       ) -> tuple[list[tuple[str, str | None]], int]:
        """Country markers right after a role: adjectives ("américaine et russe")
        or a complement ("de la Russie", "de l'Otan"). Returns [(code, iso)], end."""
        found: list[tuple[str, str | None]] = []
        skipped = 0
        while k < limit:
            if nt[k] not in self.g.adjectives and doc.pos[k] == "ADJ" and skipped < 2 and not found:
                k += 1  # "troupes étrangères de l'OTAN", "armée régulière syrienne"
                skipped += 1
                continue
            if nt[k] in self.g.adjectives:
                iso = self.g.adjectives[nt[k]]
                found.append((self.g.country_cameo.get(iso, iso), iso))
                k += 1
                if k + 1 < limit and nt[k] in ("et", ",") and nt[k + 1] in self.g.adjectives:
                    k += 1
                continue
            if nt[k] in _OF and not found:
                j = k + 1
                if j < limit and nt[j] in _ARTICLES:
                    j += 1
                if j + 1 < limit and nt[j] in _PARTS and nt[j + 1] in _OF:
                    j += 2  # "du nord-est de la Syrie"
                    if j < limit and nt[j] in _ARTICLES:
                        j += 1
                if j >= limit or doc.pos[j] in ("DET", "PRON", "NUM"):
                    break  # an article is no name: "la population d'un pays" is not the UN's
                for n in range(min(self.g.max_tokens, limit - j), 0, -1):
                    actors = self.g.lookup(" ".join(nt[j:j + n]))
                    hit = next((a for a in actors if a.kind in ("country", "organisation")), None)
                    if hit:
                        found.append((hit.code or "UNK", hit.country))
                        self._inner = (j, j + n)  # the named body is also a mention of its own
                        return found, j + n
                break
            break
        return found, k

    def _country_words(self, doc: ParsedDoc, nt: list[str], k: int, limit: int
                       ) -> tuple[list[tuple[str, str | None]], int, list[Mention]]:
        """`_country_after`, plus the mentions of the body it named in a complement ("de la
        France", "de l'Union européenne"), which are mentions of their own."""
        self._inner = None
        found, end = self._country_after(doc, nt, k, limit)
        named: list[Mention] = []
        if self._inner:
            a, b = self._inner
            named = self._match_name(doc, nt, a, b, limit, " ".join(nt[a:b]), None) or []
        return found, end, named

    @staticmethod
    def _beside_a_name(doc: ParsedDoc, i: int) -> bool:
        """Is word i part of a name ("Les Républicains Français") or a title before one ("le
        Kurde Ahmed X", "les Polonais Andrzej Duda et …")? Then it names no people."""
        return (i > 0 and doc.words[i - 1][:1].isupper() and doc.pos[i - 1] == "PROPN") or \
            (i + 1 < len(doc) and doc.pos[i + 1] == "PROPN" and doc.words[i + 1][:1].isupper())

    def _extend_role(self, nt: list[str], i: int, j: int, k: int, limit: int) -> int:
        """After "ministre russe", swallow "des Affaires étrangères" if it completes a role."""
        for m in range(min(4, limit - k), 0, -1):
            if self._role_key(" ".join(nt[i:j] + nt[k:k + m])):
                return k + m
        return k

    def ruler(self, doc: ParsedDoc, day: dt.date | None) -> list[Mention]:
        g = self.g
        nt = [norm(w) for w in doc.words]
        out: list[Mention] = []
        n_tok = len(doc)
        for s, e in doc.sents:
            i = s
            while i < e:
                matched = False
                if nt[i].split(" ", 1)[0] not in g.first_words and nt[i] not in g.adjectives \
                        and nt[i] not in g.groups:
                    i += 1
                    continue
                # names may run past the sentence end: the parser sometimes splits inside one
                for n in range(min(g.max_tokens, n_tok - i), 0, -1):
                    key = " ".join(x for x in nt[i:i + n] if x)  # "Kassym - Jomart": hyphen tokens vanish
                    if not key:
                        continue
                    m = self._match_name(doc, nt, i, i + n, max(e, i + n), key, day)
                    # (a capitalised word tagged as a name is no role; "le patronat" tagged PROPN is one)
                    name_word = n == 1 and doc.pos[i] == "PROPN" and doc.words[i][:1].isupper()
                    # (nor is a verb whose accents the matching drops: "sera jugé" names no judge)
                    verb_word = n == 1 and doc.pos[i] in ("VERB", "AUX") and doc.words[i].lower().endswith(
                        ("é", "ée", "és", "ées"))
                    if m is None and i + n <= e and not name_word and not verb_word:
                        role = self._role_key(key)
                        if role:
                            m = self._match_role(doc, nt, i, i + n, e, role)
                    if m is None and n == 1:
                        m = self._match_group(doc, nt, i, e) or self._match_demonym(doc, nt, i, e)
                    if m:
                        out.extend(m)
                        i = max(x.end for x in m)
                        matched = True
                        break
                if not matched:
                    i += 1
        return out

    def _match_name(self, doc: ParsedDoc, nt: list[str], i: int, j: int, sent_end: int,
                    key: str, day: dt.date | None) -> list[Mention] | None:
        actors = self.g.lookup(key)
        if not actors:
            return None
        span = doc.span_text(i, j)
        actors = [a for a in actors if caps_match(a.surface or a.canonical_name, span)]
        if not actors:
            return None
        # A single place-like word followed by another capitalised name is part of that name
        # ("Maurice Papon", "Washington Post").
        kinds = {a.kind for a in actors}
        if j - i == 1 and kinds <= {"country", "capital"} and j < sent_end \
                and doc.pos[j] == "PROPN" and doc.words[j][:1].isupper() and not self.g.lookup(nt[j]):
            return None
        if all(a.kind == "person" for a in actors) and not any(
                (a.surface or a.canonical_name).count("-") >= span.count("-") for a in actors):
            # "le Centre Georges-Pompidou", "l'avenue Habib-Bourguiba": in French a person's name
            # joined by a hyphen names a place or a thing after them, not the person
            return [_mention(doc, i, j, None, label="LOC", resolution="none", confidence=0.0)]
        person = self.g.person_on(actors, day)
        if person is not None:
            res = "exact" if person.primary else "alias"
            return [_mention(doc, i, j, person, label="PER", resolution=res,
                             confidence=0.95 if person.primary else 0.9)]
        # (a capital that also seats an organisation stands for the organisation: "Bruxelles" acting
        # is the EU, in French news far more than Belgium's government)
        actor = min(actors, key=lambda a: (not a.primary, a.kind != "country", a.kind == "capital" and bool(a.sector)))
        # a palace is a place when one goes there ("à l'Elysée"); a parliament stays an actor
        seat = actor.kind == "organisation" and actor.country and actor.sector == "GOV"
        if seat and self._locative(doc, nt, i):  # "à l'Elysée", "au Kremlin": a place
            return [_mention(doc, i, j, actor, label="LOC", resolution="exact", confidence=0.85,
                             kind="place", code=self.g.country_cameo.get(actor.country or "", "UNK"))]
        if actor.kind == "capital":
            if self._locative(doc, nt, i, loose=actor.sector is None):
                return [_mention(doc, i, j, actor, label="LOC", resolution="exact", confidence=0.9,
                                 kind="place", code=self.g.country_cameo.get(actor.country or "", "UNK"))]
            if actor.sector is None:  # a seat (Genève for the UN): the organisation itself
                return [_mention(doc, i, j, actor, label="ORG", resolution="metonymy", confidence=0.75,
                                 kind="organisation", country="")]
            return [_mention(doc, i, j, actor, label="LOC", resolution="metonymy", confidence=0.8)]
        res = "exact" if actor.primary else "alias"
        found = [_mention(doc, i, j, actor, label=_LABELS[actor.kind], resolution=res,
                          confidence=0.95 if actor.primary else 0.9)]
        if actor.kind == "organisation" and j - i >= 3:
            found += self._nested(doc, nt, i + 1, j, day)  # "Conseil de sécurité de l'ONU": UNSC and UN
        return found

    def _nested(self, doc: ParsedDoc, nt: list[str], i: int, j: int, day: dt.date | None) -> list[Mention]:
        """Organisations and countries named inside a longer organisation name."""
        out: list[Mention] = []
        k = i
        while k < j:
            for n in range(j - k, 0, -1):
                key = " ".join(x for x in nt[k:k + n] if x)
                actors = [a for a in self.g.lookup(key) if a.kind in ("organisation", "country")]
                if actors and caps_match(actors[0].surface or actors[0].canonical_name, doc.span_text(k, k + n)):
                    a = actors[0]
                    out.append(_mention(doc, k, k + n, a, label=_LABELS[a.kind],
                                        resolution="exact" if a.primary else "alias", confidence=0.85))
                    k += n
                    break
            else:
                k += 1
        return out

    def _role_key(self, key: str) -> str | None:
        """The role phrase for `key`, accepting a plural head ("chefs de la diplomatie")."""
        if key in self.g.roles:
            return key
        head, _, rest = key.partition(" ")
        if head.endswith(("s", "x")):
            singular = " ".join(p for p in (head[:-1], rest) if p)
            if singular in self.g.roles:
                return singular
        return None

    def _match_demonym(self, doc: ParsedDoc, nt: list[str], i: int, sent_end: int) -> list[Mention] | None:
        """A capitalised demonym noun stands for its country: "les Russes", "aux Américains"; a
        people living in another country are that country's civilians: "les Serbes de Bosnie"."""
        word = doc.words[i]
        iso = self.g.adjectives.get(nt[i])
        if iso is None or not word[:1].isupper() or doc.pos[i] not in ("NOUN", "PROPN"):
            return None
        if self._beside_a_name(doc, i):
            return None
        if i > 0 and nt[i - 1] in ("le", "la", "l'", "un", "une"):
            return None  # one person ("le Polonais …"), not the nation
        if i + 1 < sent_end and nt[i + 1] in _OF:
            where, end, named = self._country_words(doc, nt, i + 1, sent_end)
            # (after "de", a country is only found in a complement naming it)
            if len(where) == 1 and where[0][1] and where[0][1] != iso:
                actor = self.country_actor(where[0][1], "CVL", as_role=True)
                return [_mention(doc, i, end, actor, label="ROLE", resolution="role", confidence=0.8), *named]
        actor = self.country_actor(iso)
        return [_mention(doc, i, i + 1, actor, label="LOC", resolution="alias", confidence=0.8)]

    def _match_group(self, doc: ParsedDoc, nt: list[str], i: int, sent_end: int) -> list[Mention] | None:
        """A community noun is the civilians of its country: "des Tigréens" -> ETHCVL; with no
        home country, of the country beside it ("les Kurdes de Syrie", "chrétiens irakiens"),
        else (like a role) of the sentence's or article's ("les musulmans" -> context)."""
        group = self.g.groups.get(nt[i])
        if group is None or doc.pos[i] not in ("NOUN", "PROPN"):
            return None  # "le culte musulman": an adjective
        if group.capitalised and not doc.words[i][:1].isupper():
            return None  # "la langue kurde"
        if self._beside_a_name(doc, i):
            return None
        if group.country is not None:
            actor = self.country_actor(group.country, "CVL", as_role=True)
            actor = replace(actor, canonical_name=group.name)
            return [_mention(doc, i, i + 1, actor, label="ROLE", resolution="exact", confidence=0.85)]
        countries, end, named = self._country_words(doc, nt, i + 1, sent_end)
        countries = [(code, iso) for code, iso in countries if iso]  # "les chrétiens de l'ONU": no
        if not countries:
            actor = Actor("role", group.name, None, None, "CVL")
            return [_mention(doc, i, i + 1, actor, label="ROLE", resolution="context", confidence=0.0,
                             kind="role", code="UNK")]
        out = []
        for _code, iso in countries:
            actor = replace(self.country_actor(iso, "CVL", as_role=True), canonical_name=group.name)
            out.append(_mention(doc, i, end, actor, label="ROLE", resolution="role", confidence=0.8))
        return out + named  # "les musulmans de France": France is a mention too

    @staticmethod
    def _locative(doc: ParsedDoc, nt: list[str], i: int, loose: bool = False) -> bool:
        """Is the name at i a location ("à Moscou", "au Kremlin") rather than an addressee
        ("reproche à Moscou", an indirect object)? With `loose`, any name after a locative
        preposition is one, whatever the parse (for a seat of an organisation: "à Bruxelles,
        des milliers de manifestants" is a place, though parsed as an argument)."""
        k = i - 1
        if k >= 0 and nt[k] in _ARTICLES:
            k -= 1
        if k < 0 or nt[k] not in LOCATION_CASES | {"au", "aux"}:
            return False
        if loose:
            return True
        h = doc.heads[i]
        if doc.deps[h] == "acl" and doc.morph(h, "VerbForm") == "Part":
            return True  # "deux manifestations interdites à Ouagadougou": where, whatever the parse says
        return doc.deps[i] not in ("iobj", "obl:arg")

    # What the political opposition is opposed to: a ruler or a regime ("les opposants au régime",
    # "à Vladimir Poutine"), the word class the coder's coups read too (lexicons/wordclasses.tsv).
    # Opponents of anything else (a law, a vaccine pass, a mine) are activists.
    RULERS = frozenset(load_word_classes()["ruler"])
    # Nouns a sector adjective makes an actor (lexicons/wordclasses.tsv, actor_head, force_noun and
    # war_asset: "des avions militaires français" are the French military's).
    ACTOR_HEADS = frozenset(w for c in ("actor_head", "force_noun", "war_asset") for w in load_word_classes()[c])

    def _opposed_to_a_measure(self, doc: ParsedDoc, nt: list[str], j: int, sent_end: int) -> bool:
        """An opponent ending before j is followed by "à/au/aux" and a common noun that names no ruler."""
        if j >= sent_end or nt[j] not in ("a", "au", "aux"):  # (nt is without accents)
            return False
        k = j + 1
        while k < sent_end and nt[k] in _ARTICLES:
            k += 1
        if k >= sent_end:
            return False
        word = doc.words[k]
        if word.isupper() and len(word) > 1:  # an acronym no list knows: "l'IVG", "la PMA"
            return nt[k] not in self.g.names
        # (the tagger may take the noun for a verb: "au passe sanitaire")
        return doc.pos[k] in ("NOUN", "VERB") and not word[:1].isupper() and doc.lemmas[k].lower() not in self.RULERS

    def _match_role(self, doc: ParsedDoc, nt: list[str], i: int, j: int, sent_end: int,
                    key: str) -> list[Mention] | None:
        sector, _office = self.g.roles[key]
        if j == i + 1 and doc.pos[i] == "ADJ" and doc.deps[i] in ("amod", "conj") and doc.heads[i] != i \
                and sector not in ("REB", "UAF"):
            # "des manœuvres militaires", "des sites nucléaires et militaires": an adjective names an
            # actor only on a noun of people or bodies ("le régime militaire", "les autorités
            # militaires"); an armed group's adjective always names it ("une attaque jihadiste")
            head = doc.heads[i]
            if doc.deps[i] == "conj" and doc.heads[head] != head:
                head = doc.heads[head]
            if doc.lemmas[head].lower() not in self.ACTOR_HEADS and doc.pos[head] != "PROPN":  # (a name is someone)
                return None
        if any(a.kind == "organisation" for k in range(i + 1, j) for n in (1, 2)
               for a in self.g.lookup(" ".join(x for x in nt[k:min(j + n, sent_end)] if x))):
            return None  # "le chef de l'Etat islamique": the name runs on past the role's words
        if key.startswith("opposant") and self._opposed_to_a_measure(doc, nt, j, sent_end):
            sector = "CVL"  # "les opposants à l'IVG", "au passe sanitaire": activists, no party
        countries, k, named = self._country_words(doc, nt, j, sent_end)
        if not countries and key in self.g.roles_needing_country:
            return None  # "le régime de retraite", "un régime alimentaire": no government
        if not countries:
            # "les manifestants", "le président": no country word; resolved from context later
            if i > 0 and nt[i - 1] in ("ancien", "ancienne", "ex"):  # "un ancien député": a former official
                i, sector = i - 1, "ELI"
            actor = Actor("role", key, None, None, sector)
            return [_mention(doc, i, j, actor, label="ROLE", resolution="context", confidence=0.0,
                             kind="role", code="UNK")]
        end = self._extend_role(nt, i, j, k, sent_end)
        if end > k:
            sector = self.g.roles[self._role_key(" ".join(nt[i:j] + nt[k:end])) or key][0]
        former = i > 0 and nt[i - 1] in ("ancien", "ancienne", "ex")
        if former:
            i, sector = i - 1, "ELI"
        out = []
        for code, iso in countries:
            actor_code = code + sector if iso and len(code) == 3 else code
            member = (key[:-1] if key.endswith("s") else key) in MEMBER_WORDS and any(
                m.actor_code == code and m.kind == "organisation" for m in named)
            if member:  # "des militants de SOS Racisme": the association acts through them
                actor_code = code
            elif iso and sector == "CVL":  # "les victimes de l'ancien président X": his country's civilians
                actor_code = self.country_actor(iso, "CVL").code
            # "les dirigeants de l'Union européenne": "Union européenne (GOV)", not "EU (GOV)"
            body = next((m.canonical_name for m in named if m.actor_code == code and m.canonical_name), code)
            name = self.g.country_names.get(iso or "", body)
            actor = Actor("role", f"{name} ({sector})", actor_code, iso, sector)
            out.append(_mention(doc, i, end, actor, label="ROLE", resolution="role", confidence=0.8))
        return out + named

    # ------------------------------------------------------------------ pass 2
    def _fuzzy(self, text: str, label: str, day: dt.date | None) -> tuple[Actor, float] | None:
        from rapidfuzz import fuzz, process

        group = "LOC" if label in ("LOC", "GPE") else label
        query = norm(text)
        bucket = f"{group}:{query[:1]}"
        if bucket not in self._fuzzy_index:
            return None
        cache_key = (bucket + query, str(day))
        if cache_key in self._fuzzy_cache:
            return self._fuzzy_cache[cache_key]
        keys, actors = self._fuzzy_index[bucket]
        hit = process.extractOne(query, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        result = None
        if hit and group == "PER" and _other_surname(query, hit[0]):
            hit = None
        if hit:
            _, score, idx = hit
            cands = actors[idx]
            actor = self.g.person_on(cands, day) if group == "PER" else cands[0]
            result = (actor, score) if actor else None
        if len(self._fuzzy_cache) > 50_000:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[cache_key] = result
        return result

    def resolve_spacy(self, doc: ParsedDoc, taken: list[Mention], day: dt.date | None,
                      named: dict[str, Actor]) -> list[Mention]:
        covered = set()
        for m in taken:
            covered.update(range(m.start, m.end))
        out = []
        for s, e, label in doc.ents:
            if covered.intersection(range(s, e)):
                continue  # the ruler re-segmented this span
            words = [norm(w) for w in doc.words[s:e] if norm(w) not in ("m.", "mme")]
            last = words[-1] if words else ""
            if label == "PER" and len(words) == 1 and last in named:
                out.append(_mention(doc, s, e, named[last], label="PER", resolution="coreference",
                                    confidence=0.85))
                continue
            if label in ("PER", "MISC") and len(words) == 1 and len(self.g.surnames.get(last, [])) >= 1:
                person = self.g.person_on(self.g.surnames[last], day)
                if person is not None and person.sector != "ELI":
                    out.append(_mention(doc, s, e, person, label="PER", resolution="alias",
                                        confidence=0.7))
                    continue
            hit = self._fuzzy(doc.span_text(s, e), label, day) if len(" ".join(words)) >= 5 else None
            if hit:
                actor, score = hit
                out.append(_mention(doc, s, e, actor, label=label, resolution="fuzzy",
                                    confidence=0.9 * score / 100))
                continue
            out.append(_mention(doc, s, e, None, label=label, resolution="none", confidence=0.0))
        return out

    # ------------------------------------------------------------------ pass 3
    def link_surnames(self, doc: ParsedDoc, taken: list[Mention], named: dict[str, Actor],
                      day: dt.date | None = None) -> list[Mention]:
        """Bare surnames the model missed ("Johnson a dit") for people named in the article."""
        covered = set()
        for m in taken:
            covered.update(range(m.start, m.end))
        out = []
        for i, w in enumerate(doc.words):
            key = norm(w)
            if i in covered or not w[:1].isupper():
                continue
            if key in named:
                out.append(_mention(doc, i, i + 1, named[key], label="PER", resolution="coreference",
                                    confidence=0.85))
            elif doc.pos[i] == "PROPN" and len(key) >= 5 and key in self.g.surnames and day is not None:
                person = self._unique_surname(key, day)
                if person is not None:
                    out.append(_mention(doc, i, i + 1, person, label="PER", resolution="alias",
                                        confidence=0.7))
        return out

    def _unique_surname(self, key: str, day: dt.date | None) -> Actor | None:
        """The one person with this surname in office on `day`, if exactly one."""
        people = {a.canonical_name: a for a in self.g.surnames.get(key, []) if a.valid_on(day)}
        if len(people) != 1:
            return None
        return self.g.person_on(self.g.lookup(norm(next(iter(people)))), day)

    def link_roles(self, doc: ParsedDoc, mentions: list[Mention]) -> list[Mention]:
        """A role phrase names the person of the same code already in the article; a plural role
        ("des représentants des syndicats", "les ministres") names others, not that one person."""
        people: dict[str, Mention] = {}
        out = []
        for m in sorted(mentions, key=lambda x: x.start):
            if m.kind == "person" and m.resolved:
                people.setdefault(m.actor_code, m)
            if m.kind == "role" and m.actor_code in people and doc.morph(m.start, "Number") != "Plur":
                p = people[m.actor_code]
                # a role whose country came from context keeps saying so
                res = "context" if m.resolution == "context" else "coreference"
                m = replace(m, canonical_name=p.canonical_name, resolution=res, confidence=0.8, kind="person")
            out.append(m)
        return out

    def mentions(self, doc: ParsedDoc, day: dt.date | None) -> list[Mention]:
        """All mentions of a parsed article. Cached per document object: the entities and
        events branches of one worker resolve the same parse once, not twice."""
        hit = self._mention_cache.get(id(doc))
        if hit is not None and hit[0] is doc and hit[1] == day:
            return hit[2]
        found = self._mentions(doc, day)
        self._mention_cache[id(doc)] = (doc, day, found)
        if len(self._mention_cache) > 256:
            self._mention_cache.popitem(last=False)
        return found

    def _mentions(self, doc: ParsedDoc, day: dt.date | None) -> list[Mention]:
        ruled = self.ruler(doc, day)
        named = {norm(m.canonical_name or "").split()[-1]: self._actor_of(m)
                 for m in ruled if m.kind == "person" and m.canonical_name}
        spacy_mentions = self.resolve_spacy(doc, ruled, day, named)
        for m in spacy_mentions:
            if m.kind == "person" and m.canonical_name:
                named.setdefault(norm(m.canonical_name).split()[-1], self._actor_of(m))
        taken = ruled + spacy_mentions
        taken += self.link_surnames(doc, taken, named, day)
        taken = self.place_cities(doc, taken)
        taken = self.link_nationalities(doc, taken)  # (before the context: they give one)
        taken = self.context_roles(doc, taken)
        taken = self.foreign_institutions(doc, taken)
        taken = self.link_appositions(doc, taken)
        taken = self.link_associations(doc, taken)
        return self.link_roles(doc, sorted(taken, key=lambda m: (m.start, m.actor_code)))

    def link_associations(self, doc: ParsedDoc, mentions: list[Mention]) -> list[Mention]:
        """"l'association", "l'ONG" with no name of their own: the non-governmental organisation
        named before them in the sentence or the one before ("Des militants de SOS Racisme ont été
        frappés …, a dénoncé l'association")."""
        out = list(mentions)
        covered = {k for m in mentions for k in range(m.start, m.end)}
        for k, word in enumerate(doc.words):
            if word.lower() not in ASSOCIATION_WORDS or k in covered or k == 0 or \
                    doc.words[k - 1].lower() not in ("l'", "l’", "cette"):
                continue
            n = doc.sent_index(k)
            lo = doc.sents[n - 1][0] if n else doc.sents[n][0]
            named = [m for m in mentions if lo <= m.start and m.end <= k and m.kind == "organisation"
                     and m.sector == "NGO" and m.resolved]
            if named:
                ante = named[-1]
                out.append(replace(ante, start=k, end=k + 1, start_char=doc.idx[k], end_char=doc.end_char(k),
                                   text=word, resolution="context", confidence=0.6))
        return out

    def foreign_institutions(self, doc: ParsedDoc, mentions: list[Mention]) -> list[Mention]:
        """A home institution whose name other states' institutions share (`shared_institution` in
        lexicons/wordclasses.tsv: "Assemblée nationale", "Conseil constitutionnel") is another state's
        when its own words say so ("l'Assemblée nationale sénégalaise", "l'Assemblée nationale du
        Mali") or when the sentence opens on that state ("Au Sénégal, le Conseil constitutionnel a
        annulé …"); a country named anywhere else in the sentence does not move it ("l'Assemblée
        nationale a adopté une résolution sur l'Ukraine" is the French one)."""
        out = []
        for m in mentions:
            iso = None
            if m.kind == "organisation" and m.country and m.sector and \
                    norm(m.canonical_name or m.text) in SHARED_INSTITUTIONS:
                iso = self._own_words_country(doc, m, mentions) or self._opening_country(doc, m, mentions)
            if iso is None or iso == m.country:
                out.append(m)
                continue
            actor = self.country_actor(iso, m.sector or "", as_role=True)
            out.append(replace(m, actor_code=actor.code or "UNK", country=iso, canonical_name=actor.canonical_name,
                               resolution="context", confidence=0.7))
        return out

    def _own_words_country(self, doc: ParsedDoc, m: Mention, mentions: list[Mention]) -> str | None:
        """The country an adjective or a "de" complement right after the name gives."""
        if m.end >= len(doc):
            return None
        iso = self.g.adjectives.get(norm(doc.words[m.end]))
        if iso is not None:
            return iso
        if doc.words[m.end].lower() in ("du", "de", "d'", "d’"):
            return next((p.country for p in mentions if p.start in (m.end + 1, m.end + 2) and p.country
                         and p.kind in ("country", "capital")), None)
        return None

    @staticmethod
    def _opening_country(doc: ParsedDoc, m: Mention, mentions: list[Mention]) -> str | None:
        """The country of the place a sentence opens on, before a comma: "Au Sénégal, …", "A Dakar, …"."""
        s, _ = doc.sents[doc.sent_index(m.start)]
        if doc.words[s].lower() not in ("au", "aux", "en", "à", "a", "dans"):
            return None
        first = next((p for p in mentions if s < p.start <= s + 2 and p.country
                      and p.kind in ("country", "capital", "place", "city")), None)
        if first is None or first.end >= m.start or doc.words[first.end] != ",":
            return None
        return first.country

    def link_nationalities(self, doc: ParsedDoc, mentions: list[Mention]) -> list[Mention]:
        """An unknown person after a common noun and a nationality is a civilian of that country:
        "la voyageuse américaine Gabby Petito" -> USACVL, "le hackeur israélien Ulcan" -> ISRCVL
        (an office there would have made the noun a role, resolved before); an unknown name
        after a company noun is a company of that country ("le groupe suédois Northvolt")."""
        out = []
        for m in mentions:
            k = m.start
            if m.label in ("PER", "ORG", "MISC") and not m.resolved and k >= 2 and doc.pos[k - 2] == "NOUN" \
                    and doc.pos[k - 1] == "ADJ" and norm(doc.words[k - 1]) in self.g.adjectives:
                # "le groupe suédois Northvolt", "le site chinois Shein": a company of that country
                company = doc.lemmas[k - 2].lower() in self.COMPANY_NOUNS
                if m.label == "PER" or company:
                    sector = "BUS" if company else "CVL"
                    actor = self.country_actor(self.g.adjectives[norm(doc.words[k - 1])], sector)
                    m = replace(m, canonical_name=m.text, actor_code=actor.code, country=actor.country,
                                sector=sector, resolution="role", confidence=0.5,
                                kind="organisation" if company else "person")
            out.append(m)
        return out

    COMPANY_NOUNS = frozenset({"groupe", "entreprise", "société", "firme", "constructeur", "fabricant", "géant",
                               "site", "plateforme", "marque", "enseigne", "laboratoire", "opérateur", "banque",
                               "distributeur", "compagnie", "start-up", "assureur", "industriel", "éditeur"})

    def place_cities(self, doc: ParsedDoc, mentions: list[Mention]) -> list[Mention]:
        """Unresolved spaCy places that are cities (GeoNames): a place in their country."""
        if self.places is None:
            return mentions
        out = []
        for m in mentions:
            if not m.resolved and m.label == "LOC":
                place = self.places.named_after(doc, m, mentions) or self.places.geocode(m.text)
                if place and place.country:
                    m = replace(m, canonical_name=place.name, actor_code=place.country, country=place.country,
                                resolution="exact", confidence=0.7, kind="city")
            if not m.resolved and m.end - m.start >= 3 and doc.pos[m.start] == "NOUN" and \
                    doc.words[m.start + 1].lower() in ("de", "d'", "d’") and all(
                        doc.words[k][:1].isupper() for k in range(m.start + 2, m.end) if doc.pos[k] != "DET"):
                # "Attaque de Solingen", "Sommet de La Haye", "l'aéroport de Goma": the model takes the
                # event's or the site's name for one name; the town after "de" is where it was
                place = self.places.geocode(doc.span_text(m.start + 2, m.end))
                if place and place.country:
                    m = _mention(doc, m.start + 2, m.end, None, label="LOC", resolution="exact", confidence=0.7,
                                 kind="city", code=place.country, country=place.country)
                    m = replace(m, canonical_name=place.name)
            out.append(m)
        return out

    @staticmethod
    def link_appositions(doc: ParsedDoc, mentions: list[Mention]) -> list[Mention]:
        """An unknown person right after a role with a country word takes that role's code:
        "le ministre grec des affaires étrangères, Nikolaos Dendias" -> GRCGOV;
        "le député LR Julien Ravier" -> FRAOPP (the party's code), "le député LRM Romain Grau" ->
        FRALEG (the party in power's members of parliament are legislators). A plural role is not one
        person's title: "rejetée par les autorités australiennes, Novak Djokovic a …"."""
        roles = [m for m in mentions if m.kind in ("role", "organisation") and m.resolved
                 and m.resolution != "context"
                 and not (m.kind == "role" and doc.morph(m.start, "Number") == "Plur")]
        media = {m.start: m for m in mentions if m.resolved and m.sector == "MED"}
        out = []
        for m in mentions:
            if m.label == "PER" and m.resolved and m.sector == "ELI" and m.kind == "person":
                # a former official the text names in an office ("le ministre autrichien des affaires
                # étrangères, Alexander Schallenberg"): the office the text gives is the current one
                office = [r for r in roles if 0 <= m.start - r.end <= 2 and r.kind == "role" and r.country == m.country
                          and r.sector in OFFICES and all(doc.words[k] in (",", "(") for k in range(r.end, m.start))]
                if office:
                    m = replace(m, actor_code=office[-1].actor_code, sector=office[-1].sector, resolution="role")
            if m.label == "PER" and not m.resolved:
                before = [r for r in roles if 0 <= m.start - r.end <= 2
                          and all(doc.words[k] in (",", "«", "(") for k in range(r.end, m.start))]
                credit = media.get(m.end + 1) if m.end < len(doc) and doc.words[m.end] == "/" else None
                r = before[-1] if before else credit  # "Michel Euler / AP": a photographer of AP
                confidence = 0.7
                if r is None:  # "X, médecin anesthésiste : « … »": a title after the name, hung on it
                    r = next((t for t in mentions if t.kind == "role" and t.resolved and _apposed_after(doc, m, t)
                              and doc.morph(t.start, "Number") != "Plur"
                              # ("le dirigeant du groupe X": the head of something else, not a state's)
                              and not (t.end < len(doc) and doc.words[t.end].lower() in ("de", "du", "des", "d'", "d’"))
                              ), None)
                    confidence = 0.5
                if r is not None and r.kind == "organisation" and r.sector == "GOV":
                    # "la députée LRM X": a member of parliament of the party in power is a
                    # legislator (of an opposition party, the opposition: "le député LR X")
                    seat = next((t for t in mentions if t.kind == "role" and t.sector == "LEG" and t.resolved
                                 and t.end == r.start), None)
                    r = seat or r
                if r is not None:
                    m = replace(m, canonical_name=m.text, actor_code=r.actor_code, country=r.country,
                                sector=r.sector, resolution="role", confidence=confidence, kind="person")
            out.append(m)
        return out

    def context_roles(self, doc: ParsedDoc, mentions: list[Mention]) -> list[Mention]:
        """Role phrases with no country word take the country of the sentence (a country or
        place named in it), else the article's most mentioned country; else they are dropped.
        "Des milliers de manifestants … à Bagdad" -> IRQCVL."""
        main = most_mentioned_country(mentions)
        out = []
        for m in mentions:
            if m.resolution != "context" or m.resolved:
                out.append(m)
                continue
            if self._heads_unknown_body(doc, m, mentions):
                continue  # "Ugur Sahin, président de BioNTech": no state's president
            if m.sector == "REB" and doc.lemmas[m.start].lower() in ("homme", "individu") and any(
                    n.start == m.end and n.kind == "role" for n in mentions):
                continue  # "des hommes armés djihadistes": the word after says who they are
            person = self._apposed_person(doc, m, mentions)
            if person is not None:  # "Valérie Pécresse, la candidate de la droite": the same person
                out.append(replace(m, actor_code=person.actor_code, country=person.country, sector=person.sector,
                                   confidence=0.6, canonical_name=person.canonical_name, kind="person"))
                continue
            titled = next((p for p in mentions if p.kind == "person" and p.resolved and p.country and p.start == m.end
                           and (m.start <= doc.heads[p.start] < m.end or m.start <= doc.heads[m.end - 1] < p.end)),
                          None)
            if titled is not None:
                # a title right before a name the parse does not appose: the name's country, the title's
                # sector ("le roi Charles III" -> GBRGOV, not the sentence's country)
                actor = self.country_actor(titled.country, m.sector or "", as_role=True)
                out.append(replace(m, actor_code=actor.code or "UNK", country=titled.country, confidence=0.7,
                                   canonical_name=actor.canonical_name))
                continue
            group = next((g for g in mentions if g.start == m.end and g.resolved and g.kind == "organisation"
                          and g.sector == m.sector), None)
            if group is not None:  # "les rebelles houthistes", "les miliciens Wagner": that group
                out.append(replace(m, actor_code=group.actor_code, country=group.country, confidence=0.7,
                                   canonical_name=group.canonical_name))
                continue
            bloc = self.blocs.get(doc.words[m.end].lower()) if m.end < len(doc) else None
            if bloc is not None and m.sector in BLOC_SECTORS:
                # "des diplomates occidentaux" -> WST, "le parquet européen" -> EU; a member of
                # parliament keeps the country that elected them ("le député européen X")
                out.append(replace(m, end=m.end + 1, end_char=doc.end_char(m.end),
                                   text=doc.span_text(m.start, m.end + 1), actor_code=bloc.code, country=None,
                                   confidence=0.7, canonical_name=bloc.canonical_name, kind="organisation"))
                continue
            if self.home_country and norm(m.canonical_name or "") in self.g.roles_at_home:
                # "le ministre des Armées annonce l'envoi de soldats en Roumanie": a French office
                actor = self.country_actor(self.home_country, m.sector or "", as_role=True)
                out.append(replace(m, actor_code=actor.code or "UNK", country=self.home_country, confidence=0.6,
                                   canonical_name=actor.canonical_name))
                continue
            local = places_in_sentence(doc, m.start, mentions, kinds=("country", "capital", "place"))
            # (the place its own complement names comes first: "les rebelles du Tigré", signing at Pretoria)
            own = [p for p in mentions if p.country and p.kind in ("city", "place", "capital", "country")
                   and m.end < p.start <= m.end + 2 and doc.words[m.end].lower() in ("de", "du", "des", "d'", "d’")]
            local = [p for p in local if p not in own]
            away = {p.country for p in local if self._travels_to(doc, m, p) or self._acted_on(doc, m, p)}
            local = [p for p in local if p.country not in away]
            # where it happens before what is talked about: "appellent à boycotter les Jeux de Pékin, à Taipei"
            where = [p for p in local if doc.deps[p.start].startswith("obl") and any(
                doc.deps[c] == "case" and doc.lemmas[c].lower() in ("à", "en", "dans") for c in doc.children(p.start))]
            local = own[:1] + where + [p for p in local if p not in where]
            # a sentence that names no country but an adjective of one on its subject ("des forces loyales
            # au pouvoir syrien ont tué des civils"): that country, before the article's (not one on
            # what is acted on: "le ministre critique les sanctions américaines" is no American minister)
            s, e = doc.sents[doc.sent_index(m.start)]
            said = next((self.g.adjectives[norm(doc.words[k])] for k in range(s, e)
                         if doc.pos[k] == "ADJ" and norm(doc.words[k]) in self.g.adjectives
                         and not m.start <= k < m.end and _on_subject(doc, k)), None)
            iso = local[0].country if local else said or main
            confidence = 0.6
            if iso in away:  # "le ministre des affaires étrangères s'est rendu à Kiev": a visitor
                iso = None
            if iso is None:  # an article that names no country: the news source's own
                iso, confidence = self.home_country, 0.4
            if iso is None or iso in away:
                continue  # ("la junte accuse la France", in a French paper: whose junta is not said)
            actor = self.country_actor(iso, m.sector or "", as_role=True)
            out.append(replace(m, actor_code=actor.code or "UNK", country=iso, confidence=confidence,
                               canonical_name=actor.canonical_name))
        return out

    # Verbs of travel (lexicons/wordclasses.tsv): their subject comes from elsewhere than where they go.
    TRAVEL_VERBS = frozenset(load_word_classes()["travel_verb"])

    @classmethod
    def _travels_to(cls, doc: ParsedDoc, m: Mention, place: Mention) -> bool:
        """Role m is the subject of a verb of travel whose destination is `place` ("s'est rendu à
        Kiev", "est arrivé à Moscou", "a visité Pékin"): a visitor, not one of the place's people."""
        v = doc.heads[place.start]
        lemma = doc.lemmas[v].lower()
        if lemma not in cls.TRAVEL_VERBS or lemma == "rendre" and not has_reflexive(doc, v):
            return False  # ("rendre hommage à Kiev" goes nowhere)
        # (the parser takes "est arrivé" for a passive)
        return any(doc.heads[k] == v and doc.deps[k] in ("nsubj", "nsubj:pass") for k in range(m.start, m.end))

    @staticmethod
    def _acted_on(doc: ParsedDoc, m: Mention, place: Mention) -> bool:
        """Role m is the subject of a verb whose object is the country `place` ("la junte a accusé
        la France …"): who acts on a country is not its own."""
        subj = next((k for k in range(m.start, m.end) if doc.deps[k] == "nsubj"), None)
        k = place.start
        return subj is not None and doc.heads[k] == doc.heads[subj] and doc.deps[k] in ("obj", "iobj") and \
            place.kind == "country"

    @staticmethod
    def _apposed_person(doc: ParsedDoc, m: Mention, mentions: list[Mention]) -> Mention | None:
        """A resolved person the role stands in apposition to: "X, la candidate …" or
        "le candidat écologiste, X" (only commas and articles between them), or whom the parse
        makes its apposition ("Le président de la République, Emmanuel Macron, … à Alger", the
        name possibly hung on a word of the role's complement)."""
        lo, hi = doc.subtree(m.start)
        for p in mentions:
            if p.kind != "person" or not p.resolved:
                continue
            # (an apposition the parser took for a conjunct has no "et": "La présidente du groupe
            # LFI, Mathilde Panot")
            apposed = doc.deps[p.start] == "appos" or doc.deps[p.start] == "conj" and not any(
                doc.deps[c] == "cc" for c in doc.children(p.start))
            h = doc.heads[p.start]
            if apposed and (m.start <= h < m.end or m.start <= h < p.start and lo <= h < hi
                            and doc.words[p.start - 1] == "," and p.start - m.end <= 6):
                return p
            # (or the parser made the role the subject and the name a detached topic of the same
            # verb: "Fabien Roussel, le candidat …, serre la main …")
            if _apposed_after(doc, p, m) or _comma_and_articles(doc, p.end, m.start) and (
                    doc.deps[m.start].startswith("nsubj")
                    and doc.heads[p.start] == doc.heads[m.start] and not doc.deps[p.start].startswith("nsubj")):
                return p
            if m.end < p.start <= m.end + 3 and doc.words[p.start - 1] == "," and all(
                    doc.pos[k] == "ADJ" for k in range(m.end, p.start - 1)) and m.start <= doc.heads[p.start] < m.end:
                return p  # (adjectives may follow the role: "le candidat écologiste, X")
        return None

    LEADER_WORDS = frozenset({"président", "présidente", "directeur", "directrice", "patron", "patronne",
                              "dirigeant", "dirigeante", "fondateur", "fondatrice", "pdg", "chef"})

    @classmethod
    def _heads_unknown_body(cls, doc: ParsedDoc, m: Mention, mentions: list[Mention]) -> bool:
        """A leader word followed by "de" and a name that is no known place or body leads that
        unknown body (a company, a club, a festival), not a country."""
        if doc.words[m.start].lower() not in cls.LEADER_WORDS or m.end + 1 >= len(doc):
            return False
        k = m.end
        if doc.words[k].lower() not in ("de", "du", "d'", "d’"):
            return False
        k += 1
        if doc.words[k].lower() in ("la", "l'", "l’") and k + 1 < len(doc):
            k += 1
        if doc.pos[k] != "PROPN":
            return False
        return not any(o.start <= k < o.end and o.resolved for o in mentions)

    def country_actor(self, iso: str, sector: str = "", as_role: bool = False) -> Actor:
        """A country, or one of its sectors (RUS, RUSMIL); as_role names it "Russie (MIL)"."""
        name = self.g.country_names.get(iso, iso)
        code = self.g.country_cameo.get(iso, iso) + sector
        if as_role:
            return Actor("role", f"{name} ({sector})", code, iso, sector)
        return Actor("country", name, code, iso, sector or None)

    @staticmethod
    def _actor_of(m: Mention) -> Actor:
        return Actor("person", m.canonical_name or m.text, m.actor_code, m.country, m.sector)


def _other_surname(a: str, b: str) -> bool:
    """"philippe martin" is not "philippe martinez": a surname that is the start of another is
    another family, not a typo (a typo or a transliteration changes letters inside). Nor is
    "pedro costa" "pedro da costa": a word more or less is another name, not a misspelling
    (full names with a middle name or particle are aliases when they are the same person)."""
    if len(a.split()) != len(b.split()):
        return True
    x, y = a.split()[-1:], b.split()[-1:]
    return bool(x and y) and x != y and (x[0].startswith(y[0]) or y[0].startswith(x[0]))


def most_mentioned_country(mentions: list[Mention], exclude: str | None = None,
                           skip_kinds: tuple[str, ...] = ()) -> str | None:
    """The article's most mentioned country (ISO3), ties broken alphabetically: the context
    that roles without a country word, implicit agents and implicit targets fall back on."""
    counts = Counter(m.country for m in mentions if m.resolved and m.country and m.country != exclude
                     and m.kind not in skip_kinds)
    return max(sorted(counts), key=counts.__getitem__) if counts else None


def places_in_sentence(doc: ParsedDoc, i: int, mentions: list[Mention],
                       kinds: tuple[str, ...] = ("country", "capital", "place", "city")) -> list[Mention]:
    """Resolved places and countries named in the sentence of token i, in text order."""
    s, e = doc.sents[doc.sent_index(i)]
    return [m for m in mentions if s <= m.start < e and m.resolved and m.country and m.kind in kinds]


@lru_cache(maxsize=2)
def default_resolver(home_country: str | None = "FRA") -> Resolver:
    """One resolver per worker process, shared by the entities and events DoFns (and so is its
    mention cache)."""
    from transforms.places import load_places

    return Resolver(load_default(), load_places(home_country), home_country=home_country)


# ---------------------------------------------------------------------- records


def partition_actor(code: str | None, country: str | None) -> str:
    """The `actor=` folder: a country ISO3, an organisation code, or UNK (closed vocabulary)."""
    value = country or code or "UNK"
    if not value.isascii() or not value.isalnum() or not value.isupper() or not 2 <= len(value) <= 12:
        return "UNK"
    return value


def article_day(article: dict[str, Any]) -> dt.date:
    from transforms.dates import partition_day

    return partition_day(article.get("published_at"), article.get("published_at_status", "missing"),
                         article["ingested_at"])


def entity_rows(article: dict[str, Any], doc: ParsedDoc, resolver: Resolver) -> list[dict[str, Any]]:
    """Entity table rows (plus their partition keys) for one parsed article."""
    day = article_day(article)
    rows = []
    for m in resolver.mentions(doc, day):
        rows.append({
            "entity_id": stable_id(article["article_id"], str(m.start_char), str(m.end_char), m.actor_code),
            "article_id": article["article_id"],
            "mention": m.text,
            "label": m.label,
            "start_char": m.start_char,
            "end_char": m.end_char,
            "sentence_index": doc.sent_index(m.start),
            "canonical_name": m.canonical_name,
            "actor_code": m.actor_code,
            "country": m.country,
            "sector": m.sector,
            "resolution": m.resolution,
            "confidence": m.confidence,
            "published_at": article.get("published_at"),
            "schema_version": SCHEMA_VERSION,
            "date": day.isoformat(),
            "actor": partition_actor(m.actor_code if m.resolved else None, m.country),
        })
    return rows


class _ExtractEntities(beam.DoFn):
    def __init__(self, home_country: str | None) -> None:
        self.home_country = home_country
        self.count = Metrics.counter("entities", "mentions")
        self.resolved = Metrics.counter("entities", "resolved")

    def setup(self) -> None:
        self.resolver = default_resolver(self.home_country)

    def process(self, parsed: tuple[dict[str, Any], ParsedDoc]) -> Iterable[Any]:
        article, doc = parsed
        rows, reject = guarded("entities", article, lambda: entity_rows(article, doc, self.resolver))
        if reject:
            yield beam.pvalue.TaggedOutput(REJECT_TAG, reject)
        for row in rows:
            self.count.inc()
            if row["actor_code"] != "UNK":
                self.resolved.inc()
            yield row


class ExtractEntities(beam.PTransform):
    """(article, ParsedDoc) pairs to entity rows; an article that fails goes to `rejects`.
    home_country: the news sources' country (VigieOptions.home_country)."""

    def __init__(self, home_country: str | None = "FRA") -> None:
        super().__init__()
        self.home_country = home_country

    def expand(self, parsed: beam.PCollection) -> beam.PCollection:
        return parsed | "Mentions" >> beam.ParDo(_ExtractEntities(self.home_country)).with_outputs(
            REJECT_TAG, main="entities")
