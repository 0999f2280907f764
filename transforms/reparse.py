"""Headline verbs the tagger read as nouns, adjectives or adverbs, parsed again as verbs.

French news writes its headlines in the present tense, and many present-tense verbs are also
nouns or adjectives: "Pékin sanctionne des élus", "Washington somme Moscou de retirer ses
troupes", "Le président américain tance la Chine"; "dément" looks like an adverb. The model tags
the verb as the other word and hangs the sentence on its subject ("Washington" becomes the root,
"somme" a noun under it), so the coder finds no verb, no object and no modality: "retirer ses
troupes" even comes out as an asserted withdrawal. It may also tag the verb right and still hang
it on its subject as a clause ("Moscou expulse des diplomates" read as "Moscou [qui] expulse").
The coder patches a few of these misreadings one pattern at a time (`EventCoder.match_trigger`);
the parse itself is what is wrong.

So, when a sentence has no verb at its root and a word in it is the present tense of a trigger
verb standing where a verb stands (after its subject, or after a quotation's closing comma, and
before what follows a verb), the sentence is parsed again with a verb the model reads right in
the word's place (`lexicons/reparse.tsv`: "accuse", which takes an object and "de" + infinitive
like most of them; "nie" for "dément"). That parse's syntax replaces the first one for the
sentence, with the word's own lemma; the text, the offsets and the entities stay the text's.
The second parse is kept only if it reads the stand-in as a verb with a subject.

Headlines also write "À" without its accent ("A Kiev, les Occidentaux …"): the model then reads
"A" as a letter and the town as the sentence's root, and the place, the subject and the verb are
lost together. A sentence opening on a bare capital "A" before a capitalised word is parsed again
with "À" in its place, and that parse is kept when it reads "À" as a preposition (and hangs the
sentence on a verb, if the first parse did); a misread verb in the same sentence is then read with
"À" in place too.

News dates an act by a bare weekday between the verb and its object ("a reçu lundi les élus",
"a requis mercredi cinq ans de prison contre X", "a auditionné mercredi Marine Le Pen"), and the
model often hangs the object on the weekday, as if "lundi les élus" were one noun phrase: the verb
loses its object and the object's own complements ("contre X"). No second parse is needed there:
the noun phrase is hung back on the verb, as its object, or as its subject in an incise after a
quotation ("…, a assuré mercredi Olivier Véran"), and the weekday becomes a time modifier
(`weekday_arguments`).

A headline describes one person by two participles ("le président destitué par le Congrès, puis
arrêté par la police"), and the model coordinates the second with the noun, as if the Congress had
removed two people, the president and an arrested one; the second participle is hung on the first
(`participle_conjuncts`), so that it too describes the noun, with its own agent. Likewise a noun
the model coordinated with the verb rather than with its subject or object ("…, avertissent Bamako
et Ouagadougou": the second capital read as a second verb) is hung on that argument
(`noun_conjuncts`).

The detection and the splice are plain functions over `ParsedDoc`; `Reparse` is the spaCy
component that runs them as the pipeline's last step and leaves the repaired syntax in
`doc.user_data`, where `nlp.from_spacy` takes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from transforms.eventdates import MONTHS, WEEKDAYS
from transforms.lexicon import MisreadForms, default_tables, load_reparse
from transforms.nlp import REPAIRED_SYNTAX, ParsedDoc, from_spacy
from transforms.syntax import CLOSING_QUOTES

COMPONENT = "vigie_reparse"
# what may follow a verb: its object, an infinitive, an adverb ("dément catégoriquement")
# (not a pronoun: "une police violente qui …" is an adjective)
AFTER_VERB = frozenset({"DET", "PROPN", "NUM", "ADV"})
PARTITIVES = frozenset({"des", "du", "d'", "d’"})
ACCENTED_A, A_LEMMA = "À", "à"  # the stand-in for a headline's bare "A", and its lemma


@dataclass(frozen=True)
class Misread:
    """A word read as something else that the sentence needs as its verb."""

    token: int
    lemma: str
    proxy: str


def _stands_as_verb(doc: ParsedDoc, k: int, start: int, end: int) -> bool:
    """Word k sits where a present-tense verb sits: after a subject, before a verb's complement."""
    if k <= start or k + 1 >= end:
        return False
    before, after = k - 1, k + 1
    subject = doc.pos[before] in ("PROPN", "NOUN", "ADJ") or (
        doc.words[before][:1].isupper() and doc.pos[before] not in ("DET", "ADP", "PRON"))
    # "« C'est faux », dément le ministère": the subject follows a quotation
    inverted = doc.words[before] == "," and before > start and doc.words[before - 1] in CLOSING_QUOTES
    if not (subject or inverted):
        return False
    return (doc.pos[after] in AFTER_VERB or doc.words[after].lower() in PARTITIVES
            or doc.morph(after, "VerbForm") == "Inf")


def _verb_root(doc: ParsedDoc, start: int, end: int) -> bool:
    """The sentence from start to end hangs on a verb (or an auxiliary)."""
    return any(doc.heads[i] == i and doc.pos[i] in ("VERB", "AUX") for i in range(start, end))


def misread_verbs(doc: ParsedDoc, forms: MisreadForms, verbs: frozenset[str]) -> list[Misread]:
    """The first misread verb of each sentence whose root is no verb (plain data in, plain data out);
    in a sentence whose root is a verb, only one the model took for an adverb or an adjective
    before an infinitive, which it then made the root: "Macron dément avoir souhaité une hausse"
    is parsed "Macron [dément] a souhaité".

    `verbs` are the lemmas a reading must have (the trigger lexicon's verbs): a stand-in parse
    only helps a sentence the coder can then read."""
    out: list[Misread] = []
    for start, end in doc.sents:
        verb_root = _verb_root(doc, start, end)
        for k in range(start + 1, end):
            word = doc.words[k]
            if verb_root and not (doc.pos[k] in ("ADV", "ADJ") and k + 1 < end
                                  and doc.morph(k + 1, "VerbForm") == "Inf"):
                continue
            # (a verb hung as a clause on its own subject is misread too: "Moscou expulse des diplomates"
            # parsed as "Moscou [qui] expulse", with "Moscou" the root)
            verb_on_subject = doc.pos[k] == "VERB" and doc.deps[k] == "acl" and doc.heads[k] < k
            if doc.pos[k] not in ("NOUN", "ADJ", "ADV", "X") and not verb_on_subject or not word.islower():
                continue
            reading = next(((lemma, proxy) for lemma, proxy in forms.verb(word) if lemma in verbs), None)
            if reading and _stands_as_verb(doc, k, start, end):
                out.append(Misread(k, *reading))
                break
    return out


def unaccented_a(doc: ParsedDoc) -> list[Misread]:
    """Sentences opening on "A" for "À" ("A Madrid, le gouvernement …") that the model did not read
    as a preposition."""
    return [Misread(start, A_LEMMA, ACCENTED_A) for start, end in doc.sents
            if end - start > 2 and doc.words[start] == "A" and doc.pos[start] != "ADP"
            and doc.words[start + 1][:1].isupper()]


# what a weekday rightly governs: its part of the day and its date ("lundi soir", "jeudi 27 janvier")
DAY_PARTS = frozenset({"soir", "matin", "midi", "après-midi", "nuit", "soirée", "matinée", "dernier",
                       "prochain"}) | MONTHS


def weekday_arguments(doc: ParsedDoc) -> int:
    """Hang back on its verb the noun phrase the model hung on a weekday after the verb ("a reçu
    lundi les élus"): the verb's object, or its subject when the verb has none and follows a comma
    (an incise: "…, a assuré mercredi Olivier Véran"). The weekday becomes a time modifier. Changes
    `doc` in place; returns the number of noun phrases moved."""
    moved = 0
    for d, word in enumerate(doc.words):
        v = doc.heads[d]
        if word.lower() not in WEEKDAYS or v == d or v > d or doc.pos[v] != "VERB":
            continue
        kids = doc.children(v)
        phrases = [c for c in doc.children(d) if c > d and doc.deps[c] in ("nmod", "obj", "appos", "nsubj")
                   and doc.pos[c] in ("NOUN", "PROPN") and doc.words[c].lower() not in DAY_PARTS
                   and not any(doc.deps[g] == "case" for g in doc.children(c))]
        if len(phrases) != 1 or any(doc.deps[c] == "obj" and c != d for c in kids):
            continue
        lo = min([v] + [c for c in kids if doc.deps[c].startswith("aux")])
        incise = lo > 0 and doc.words[lo - 1] in (",", "»", "”") and not any(
            doc.deps[c].startswith("nsubj") for c in kids)
        doc.heads[phrases[0]], doc.deps[phrases[0]] = v, "nsubj" if incise else "obj"
        doc.deps[d] = "obl:mod"
        moved += 1
    return moved


def _participle(doc: ParsedDoc, k: int) -> bool:
    return doc.pos[k] == "VERB" and doc.morph(k, "VerbForm") == "Part"


def participle_conjuncts(doc: ParsedDoc) -> int:
    """Hang on the first participle a second one the model coordinated with the noun they both
    describe ("le président X destitué par le Congrès, puis arrêté par la police": "arrêté" read as
    a conjunct of "président", as if the police had removed two people). The second participle
    then describes the same noun, with its own agent. Changes `doc` in place; returns the number
    of participles moved."""
    moved = 0
    for v, dep in enumerate(doc.deps):
        n = doc.heads[v]
        if dep != "conj" or not _participle(doc, v) or doc.pos[n] not in ("NOUN", "PROPN") or n >= v:
            continue
        first = [c for c in doc.children(n) if doc.deps[c] == "acl" and _participle(doc, c) and n < c < v]
        # (a participle with its own auxiliary or subject is a clause of its own, not a description)
        if not first or any(doc.deps[c].startswith(("aux", "nsubj")) for c in doc.children(v)):
            continue
        doc.heads[v] = first[-1]
        moved += 1
    return moved


def noun_conjuncts(doc: ParsedDoc) -> int:
    """Hang on a verb's subject or object a noun the model coordinated with the verb itself
    ("…, avertissent Bamako et Ouagadougou": "Ouagadougou" read as a second verb of the clause):
    a noun with no dependents of a clause, right after the argument and "et" or "ou". Changes `doc`
    in place; returns the number of nouns moved."""
    moved = 0
    for n, dep in enumerate(doc.deps):
        v = doc.heads[n]
        if dep != "conj" or doc.pos[n] not in ("NOUN", "PROPN") or doc.pos[v] != "VERB" or v >= n:
            continue
        if any(doc.deps[c].startswith(("nsubj", "obj", "aux", "cop")) for c in doc.children(n)):
            continue  # (a clause of its own: "… et Ouagadougou dénonce …")
        lo = doc.subtree(n)[0]  # (the "et" hangs on the noun: the phrase starts there)
        args = [a for a in doc.children(v) if doc.deps[a] in ("nsubj", "obj") and v < a < n
                and doc.subtree(a)[1] == lo and doc.words[lo].lower() in ("et", "ou")]
        if args:
            doc.heads[n] = args[-1]
            moved += 1
    return moved


def splice(doc: ParsedDoc, start: int, sub: ParsedDoc, lemmas: dict[int, str]) -> None:
    """Replace the syntax of doc's tokens from `start` with `sub`'s (a parse of those tokens alone);
    `lemmas` gives the lemma of sub's stand-in tokens."""
    for j in range(len(sub)):
        i = start + j
        doc.pos[i], doc.deps[i], doc.morphs[i] = sub.pos[j], sub.deps[j], sub.morphs[j]
        doc.heads[i] = start + sub.heads[j]
        doc.lemmas[i] = lemmas.get(j, sub.lemmas[j])


def _accepts(sub: ParsedDoc, k: int) -> bool:
    """The second parse reads the stand-in as a verb with a subject, in one sentence."""
    return len(sub.sents) == 1 and sub.pos[k] == "VERB" and any(
        sub.heads[c] == k and sub.deps[c].startswith("nsubj") for c in range(len(sub)) if c != k)


def _accepts_preposition(sub: ParsedDoc, k: int, had_verb_root: bool) -> bool:
    """The second parse reads the stand-in "À" as a preposition, in one sentence, and hangs it on a
    verb if the first parse did (a parse that then makes the town the root is no better)."""
    return len(sub.sents) == 1 and sub.pos[k] == "ADP" and (_verb_root(sub, 0, len(sub)) or not had_verb_root)


class Reparse:
    """spaCy component (last in the pipeline): parses misread sentences again with a stand-in verb,
    or with "À" for a headline's bare "A", hangs back on its verb an object the model hung on
    a weekday, a second participle on the first, and a noun coordinated with a verb on its argument."""

    def __init__(self, nlp: Any, forms: MisreadForms | None = None, verbs: frozenset[str] | None = None) -> None:
        self.nlp = nlp
        self.forms = forms or load_reparse()
        if verbs is None:
            _, triggers = default_tables()
            verbs = frozenset(lemma for lemma, ts in triggers.items() if any(t.pos == "VERB" for t in ts))
        self.verbs = verbs
        self.repaired = 0  # sentences this process parsed again and kept (diagnostics, the README's count)

    def _parse(self, doc: Any, start: int, end: int, stand_ins: dict[int, str]) -> ParsedDoc:
        """Tokens start to end of doc parsed alone, with a stand-in word at each offset of `stand_ins`."""
        from spacy.tokens import Doc

        words = [stand_ins.get(j, t.text) for j, t in enumerate(doc[start:end])]
        sub = Doc(self.nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc[start:end]])
        for _, proc in self.nlp.pipeline:
            if proc is not self:
                sub = proc(sub)
        return from_spacy(sub)

    def __call__(self, doc: Any) -> Any:
        parsed = from_spacy(doc)
        changed = False
        accented: set[int] = set()  # sentences (by first token) read again with "À" for "A"
        for miss in unaccented_a(parsed):
            start, end = parsed.sents[parsed.sent_index(miss.token)]
            sub = self._parse(doc, start, end, {0: miss.proxy})
            if _accepts_preposition(sub, 0, _verb_root(parsed, start, end)):
                splice(parsed, start, sub, {0: miss.lemma})
                accented.add(start)
                changed = True
                self.repaired += 1
        for miss in misread_verbs(parsed, self.forms, self.verbs):
            start, end = parsed.sents[parsed.sent_index(miss.token)]
            k = miss.token - start
            # (a sentence read again with "À" keeps it)
            stand_ins, lemmas = ({0: ACCENTED_A}, {0: A_LEMMA}) if start in accented else ({}, {})
            for proxy in miss.proxy.split("|"):  # (the first stand-in the model reads as the verb)
                sub = self._parse(doc, start, end, stand_ins | {k: proxy})
                if _accepts(sub, k):
                    splice(parsed, start, sub, lemmas | {k: miss.lemma})
                    changed = True
                    self.repaired += 1
                    break
        for mend in (weekday_arguments, participle_conjuncts, noun_conjuncts):  # in place, no second parse
            changed = mend(parsed) > 0 or changed
        if changed:
            doc.user_data[REPAIRED_SYNTAX] = {"pos": parsed.pos, "lemmas": parsed.lemmas, "deps": parsed.deps,
                                     "heads": parsed.heads, "morphs": parsed.morphs}
        return doc


def register() -> None:
    """Make the component known to spaCy (once per process)."""
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT)(_make)


def _make(nlp: Any, name: str) -> Reparse:
    return Reparse(nlp)
