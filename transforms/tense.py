"""Future and conditional verbs the French model tags as another tense, read from their form.

The coder takes an event's modality and date from the tense of its verb: "fourniront des armes"
is a promise (future, dated ahead), "livrerait des canons" a hypothesis. The model often tags
these forms as a present or an imperfect ("fourniront": Tense=Pres, "livrerait": Tense=Imp; 10 of
the 76 such forms of the January 2022 month's items), which turns a promise into a delivery that
happened. Yet the form is unambiguous: French builds both tenses on one stem, the infinitive
(without its final e for -re verbs, or an irregular stem listed in `lexicons/future_stems.tsv`),
plus an ending no other tense has on that stem. So a component run after the lemmatizer sets
Mood and Tense from the form wherever the tag disagrees; it changes nothing else.

`read_form` is a plain function over a word and its lemma; `TenseFromForm` the spaCy component.
"""

from __future__ import annotations

import re
from typing import Any

from transforms.lexicon import load_future_stems

COMPONENT = "vigie_tense"
# ending -> (Person, Number)
FUTURE_ENDINGS = {"ai": ("1", "Sing"), "as": ("2", "Sing"), "a": ("3", "Sing"),
                  "ons": ("1", "Plur"), "ez": ("2", "Plur"), "ont": ("3", "Plur")}
CONDITIONAL_ENDINGS = {"ais": ("1", "Sing"), "ait": ("3", "Sing"), "ions": ("1", "Plur"),
                       "iez": ("2", "Plur"), "aient": ("3", "Plur")}
# "lever" -> "lèvera", "céder" -> "cèdera"; "appeler", "jeter" double their consonant
_OPEN_E = re.compile(r"(.*)[eé]([^aeiouyéèêëîï]+)")


def future_stems(lemma: str) -> set[str]:
    """The stems a verb's future and conditional may be written on (empty for a non-verb lemma)."""
    whole, endings = load_future_stems()
    low = lemma.lower()
    if low in whole:
        return {whole[low]}
    for ending, stem_ending in endings:
        if low.endswith(ending):
            return {low[: len(low) - len(ending)] + stem_ending}
    if low.endswith("re"):
        return {low[:-1]}
    if low.endswith("ir"):
        return {low}
    if not low.endswith("er"):
        return set()
    base, out = low[:-2], {low}
    if base.endswith("y"):
        out.add(base[:-1] + "ier")  # employer -> emploiera
    m = _OPEN_E.fullmatch(base)
    if m:
        out.add(f"{m[1]}è{m[2]}er")
        if m[2] in ("l", "t"):
            out.add(f"{m[1]}e{m[2]}{m[2]}er")
    return out


def read_form(word: str, lemma: str) -> tuple[str, str, str, str] | None:
    """(Mood, Tense, Person, Number) when `word` is a future or conditional form of `lemma`."""
    low = word.lower()
    for stem in future_stems(lemma):
        if low.startswith(stem):
            rest = low[len(stem):]
            if rest in FUTURE_ENDINGS:
                return ("Ind", "Fut", *FUTURE_ENDINGS[rest])
            if rest in CONDITIONAL_ENDINGS:
                return ("Cnd", "Pres", *CONDITIONAL_ENDINGS[rest])
    return None


class TenseFromForm:
    """spaCy component (after the lemmatizer): the tense of future and conditional verbs from their form."""

    def __init__(self) -> None:
        self.corrected = 0  # verbs this process re-tagged (diagnostics)

    def __call__(self, doc: Any) -> Any:
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            read = read_form(tok.text, tok.lemma_)
            if read is None:
                continue
            mood, tense, person, number = read
            feats = tok.morph.to_dict()
            if feats.get("Mood") == mood and feats.get("Tense") == tense:
                continue
            feats.update(Mood=mood, Tense=tense, Person=person, Number=number, VerbForm="Fin")
            tok.set_morph(feats)
            self.corrected += 1
        return doc


def register() -> None:
    """Make the component known to spaCy (once per process)."""
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT)(_make)


def _make(nlp: Any, name: str) -> TenseFromForm:
    return TenseFromForm()
