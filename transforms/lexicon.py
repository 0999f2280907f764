"""Code tables and the trigger lexicon, loaded from `lexicons/` with checks.

A malformed line raises LexiconError naming the file and the line: a code
silently skipped would quietly bias every count built on top of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lexicons import LexiconError, path, read_tsv

_CODE = re.compile(r"\d{2,4}")
TARGET_SLOTS = {"obj", "iobj", "à", "avec", "contre", "de", "envers", "sur", "pour", "chez", "entre", "en", "dans",
                "vers", "auprès", "derrière", "devant"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float
    description: str
    plover_type: str | None


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    object: str | None
    reflexive: str  # yes / no / any
    code: str
    target: tuple[str, ...]
    reciprocal: bool
    where: str  # file:line, for error messages and debugging


def load_cameo(codes_file: Path | None = None, plover_file: Path | None = None
               ) -> dict[str, CameoCode]:
    plover: dict[str, str] = {}
    pf = plover_file or path("plover.tsv")
    for lineno, row in read_tsv(pf, ("cameo", "plover_type")):
        if not _CODE.fullmatch(row["cameo"]):
            raise LexiconError(f"{pf}:{lineno}: bad CAMEO code {row['cameo']!r}")
        plover[row["cameo"]] = row["plover_type"]
    out: dict[str, CameoCode] = {}
    cf = codes_file or path("cameo_eventcodes.tsv")
    for lineno, row in read_tsv(cf, ("code", "root", "quad_class", "goldstein")):
        code = row["code"]
        if not _CODE.fullmatch(code):
            raise LexiconError(f"{cf}:{lineno}: bad CAMEO code {code!r}")
        try:
            quad, gold = int(row["quad_class"]), float(row["goldstein"])
        except ValueError as e:
            raise LexiconError(f"{cf}:{lineno}: quad_class/goldstein must be numbers") from e
        if quad not in (1, 2, 3, 4) or not -10 <= gold <= 10:
            raise LexiconError(f"{cf}:{lineno}: quad_class 1-4 and goldstein -10..10")
        # PLOVER maps most codes; fall back to the base code, then the root.
        ptype = plover.get(code) or plover.get(code[:3]) or plover.get(code[:2])
        out[code] = CameoCode(code, row["root"], quad, gold, row.get("description", ""), ptype)
    return out


def load_triggers(file: Path | None = None, cameo: dict[str, CameoCode] | None = None,
                  classes: dict[str, dict[str, str]] | None = None) -> dict[str, list[Trigger]]:
    """Triggers keyed by lemma; validates every field against the code table.

    An object written "@class" stands for every word of that class of lexicons/wordclasses.tsv
    ("livrer @arms" is "livrer des armes", "… des missiles", "… des drones"): the row becomes one
    trigger per word, in the row's place, so a row above it still wins for its own word."""
    cameo = cameo if cameo is not None else load_cameo()
    classes = classes if classes is not None else load_word_classes()
    tf = file or path("triggers.tsv")
    out: dict[str, list[Trigger]] = {}
    for lineno, row in read_tsv(tf, ("lemma", "pos", "reflexive", "code", "target", "reciprocal")):
        where = f"{tf}:{lineno}"
        if row["pos"] not in ("VERB", "NOUN"):
            raise LexiconError(f"{where}: pos must be VERB or NOUN, got {row['pos']!r}")
        if row["reflexive"] not in ("yes", "no", "any"):
            raise LexiconError(f"{where}: reflexive must be yes/no/any")
        if row["code"] not in cameo:
            raise LexiconError(f"{where}: unknown CAMEO code {row['code']!r}")
        targets = tuple(t.strip() for t in row["target"].split(",") if t.strip())
        bad = [t for t in targets if t not in TARGET_SLOTS]
        if bad:
            raise LexiconError(f"{where}: unknown target slot(s) {bad}")
        if row["reciprocal"] not in ("yes", "no"):
            raise LexiconError(f"{where}: reciprocal must be yes or no")
        obj = row.get("object") or None
        objects: list[str | None] = [obj]
        if obj and obj.startswith("@"):
            if obj[1:] not in classes:
                raise LexiconError(f"{where}: unknown word class {obj[1:]!r} as object")
            objects = list(classes[obj[1:]])
        for o in objects:
            trig = Trigger(row["lemma"].lower(), row["pos"], o, row["reflexive"], row["code"], targets,
                           row["reciprocal"] == "yes", where)
            out.setdefault(trig.lemma, []).append(trig)
    return out


@lru_cache(maxsize=1)
def load_criticism(file: Path | None = None) -> dict[str, str]:
    """Lemmas that make a quoted claim a criticism, with their CAMEO code (111 or 112)."""
    cf = file or path("criticism.tsv")
    out: dict[str, str] = {}
    for lineno, row in read_tsv(cf, ("lemma", "code")):
        if row["code"] not in ("111", "112"):
            raise LexiconError(f"{cf}:{lineno}: code must be 111 or 112, got {row['code']!r}")
        out[row["lemma"].lower()] = row["code"]
    return out


def load_blocs(lookup: Callable[[str], list[Any]], file: Path | None = None) -> dict[str, Any]:
    """Adjectives of blocs ("européen", "occidental") -> the organisation they stand for, found
    with `lookup` (the gazetteer's); a name it does not know is an error naming file and line."""
    bf = file or path("actors/blocs.tsv")
    out: dict[str, Any] = {}
    for lineno, row in read_tsv(bf, ("adjective", "name")):
        found = [a for a in lookup(row["name"]) if a.kind == "organisation"]
        if not found:
            raise LexiconError(f"{bf}:{lineno}: no organisation named {row['name']!r}")
        out[row["adjective"].lower()] = found[0]
    return out


def load_sport(file: Path | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """Words that say a sentence is about sport, and force triggers sport uses for play."""
    sf = file or path("sport.tsv")
    context: set[str] = set()
    metaphor: set[str] = set()
    for lineno, row in read_tsv(sf, ("word", "kind")):
        if row["kind"] not in ("context", "metaphor"):
            raise LexiconError(f"{sf}:{lineno}: kind must be context or metaphor, got {row['kind']!r}")
        (context if row["kind"] == "context" else metaphor).add(row["word"].lower())
    return frozenset(context), frozenset(metaphor)


@dataclass(frozen=True)
class MisreadForms:
    """Verb forms the tagger misreads (lexicons/reparse.tsv): whole forms and regular endings."""

    forms: dict[str, tuple[str, str]]  # form -> (lemma, proxy)
    endings: tuple[tuple[str, str, str], ...]  # (ending, lemma ending, proxy), longest ending first

    def verb(self, word: str) -> list[tuple[str, str]]:
        """(lemma, proxy) readings of a lower-cased word as a verb form, whole forms first."""
        out = [self.forms[word]] if word in self.forms else []
        for ending, lemma_ending, proxy in self.endings:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                out.append((word[: -len(ending)] + lemma_ending, proxy))
        return out


@lru_cache(maxsize=1)
def load_reparse(file: Path | None = None) -> MisreadForms:
    """The verb forms parsed again with a stand-in verb; a malformed line names file and line."""
    rf = file or path("reparse.tsv")
    forms: dict[str, tuple[str, str]] = {}
    endings: list[tuple[str, str, str]] = []
    for lineno, row in read_tsv(rf, ("form", "lemma", "proxy")):
        where, form, lemma, proxy = f"{rf}:{lineno}", row["form"].lower(), row["lemma"].lower(), row["proxy"]
        if any(" " in x for x in (form, lemma, proxy)):
            raise LexiconError(f"{where}: form, lemma and proxy are single words")
        if form.startswith("-") != lemma.startswith("-"):
            raise LexiconError(f"{where}: an ending ({form!r}) needs an ending as lemma and a word needs a word"
                               f" ({lemma!r})")
        if form in forms or any(form == e for e, _, _ in endings):
            raise LexiconError(f"{where}: {form!r} is listed twice")
        if form.startswith("-"):
            endings.append((form[1:], lemma[1:], proxy))
        else:
            forms[form] = (lemma, proxy)
    return MisreadForms(forms, tuple(sorted(endings, key=lambda e: -len(e[0]))))


@lru_cache(maxsize=1)
def load_future_stems(file: Path | None = None) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Irregular future stems: {infinitive: stem} and (infinitive ending, stem ending) pairs,
    longest ending first; a malformed line names file and line."""
    sf = file or path("future_stems.tsv")
    whole: dict[str, str] = {}
    endings: dict[str, str] = {}
    for lineno, row in read_tsv(sf, ("lemma", "stem")):
        where, lemma, stem = f"{sf}:{lineno}", row["lemma"].lower(), row["stem"].lower()
        if not all(re.fullmatch(r"-?[a-zàâçéèêëîïôûùüÿœ]+", x) for x in (lemma, stem)):
            raise LexiconError(f"{where}: lemma and stem are single lower-case words")
        if lemma.startswith("-") != stem.startswith("-"):
            raise LexiconError(f"{where}: an ending ({lemma!r}) needs an ending as stem and a word a word ({stem!r})")
        table = endings if lemma.startswith("-") else whole
        if lemma.lstrip("-") in table:
            raise LexiconError(f"{where}: {lemma!r} is listed twice")
        table[lemma.lstrip("-")] = stem.lstrip("-")
    return whole, tuple(sorted(endings.items(), key=lambda e: -len(e[0])))


# Classes of lexicons/wordclasses.tsv; those with a pattern map each word to a code (its `value`).
WORD_CLASSES: dict[str, re.Pattern[str] | None] = {
    "weapon_test": None, "deny_verb": None, "report_verb": None, "intent_verb": None,
    "hypothetical_marker": None, "comment_verb": None, "crowd_noun": None, "policy_noun": None,
    "military_power": None, "protest_purpose": None, "population_noun": None, "yielded_thing": None,
    "force_noun": None, "actor_head": None, "commemoration": None, "policy_change": None,
    "official_delay": None, "festive_purpose": None, "follower": None, "member": None, "association": None,
    "unclaimed_act": None, "ruler": None, "arms": None, "war_asset": None, "travel_verb": None,
    "motion_verb": None, "grievance": None, "unwelcome_when_negated": None,
    "agreement": None, "site_noun": None, "possibility": None, "alleged": None, "funds": None,
    "shared_institution": None, "candidate": None, "street_crowd": None, "dispersal": None,
    "compound_prefix": re.compile(r"[A-Z]{3}"), "body_sector": re.compile(r"[A-Z]{3}"),
    "visited_site": re.compile(r"[A-Z]{3}"),
}


@lru_cache(maxsize=1)
def load_word_classes(file: Path | None = None) -> dict[str, dict[str, str]]:
    """The event coder's word classes: class -> {word: value} (value "" for plain word lists).

    An unknown class, a value where none belongs or a malformed one, and a word listed twice in
    one class are errors naming file and line: a typo would otherwise silently drop a rule."""
    wf = file or path("wordclasses.tsv")
    out: dict[str, dict[str, str]] = {c: {} for c in WORD_CLASSES}
    for lineno, row in read_tsv(wf, ("class", "word")):
        where, cls, word, value = f"{wf}:{lineno}", row["class"], row["word"].lower(), row.get("value", "")
        if cls not in WORD_CLASSES:
            raise LexiconError(f"{where}: unknown class {cls!r} (one of {', '.join(WORD_CLASSES)})")
        pattern = WORD_CLASSES[cls]
        if pattern is None and value:
            raise LexiconError(f"{where}: class {cls} takes no value, got {value!r}")
        if pattern is not None and not pattern.fullmatch(value):
            raise LexiconError(f"{where}: class {cls} needs a three-letter code as value, got {value!r}")
        if word in out[cls]:
            raise LexiconError(f"{where}: {word!r} is listed twice in class {cls}")
        out[cls][word] = value
    return out


@lru_cache(maxsize=1)
def default_tables() -> tuple[dict[str, CameoCode], dict[str, list[Trigger]]]:
    cameo = load_cameo()
    return cameo, load_triggers(cameo=cameo)
