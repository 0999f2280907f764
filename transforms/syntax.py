"""Reading the French dependency parse: small predicates over a ParsedDoc.

The event coder (transforms/coder.py) asks the same questions of the parse again and again:
which preposition introduces a phrase, whether a verb is negated or conditional, whether a
headline's first words are its topic, which words the parser hung on a misparsed subject. They
live here, as plain functions over plain data, apart from the coding rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from transforms.gazetteer import norm
from transforms.nlp import ParsedDoc

if TYPE_CHECKING:
    from transforms.entities import Mention

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "csubj")
CLOSING_QUOTES = frozenset({"»", "”", '"'})  # what ends a quotation
NEGATORS = {"pas", "jamais", "plus", "guère", "point", "nullement", "aucunement"}
NEEDS_NE = {"plus", "point"}

_CASE_FORMS = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de", "a": "à"}


def case_of(doc: ParsedDoc, i: int) -> str | None:
    """The preposition introducing i, by its form ("au" is "à", "du" is "de"): the lemmatizer
    turns "entre" into "entrer" and leaves "au" alone."""
    for c in doc.children(i):
        if doc.deps[c] in ("case", "mark"):
            word = doc.words[c].lower()
            return _CASE_FORMS.get(word, word)
    return None


def has_reflexive(doc: ParsedDoc, i: int) -> bool:
    return any(doc.lemmas[c].lower() in ("se", "soi") or doc.morph(c, "Reflex") == "Yes"
               for c in doc.children(i))


def with_conj(doc: ParsedDoc, i: int) -> list[int]:
    """i and its conjuncts; a name the parser coordinated with the last word of a name belongs to
    the name ("L'Arabie saoudite et l'Iran": "Iran" hangs on "saoudite"; "La Corée du Sud et le
    Japon": "Japon" hangs on "Sud"; "Benyamin Nétanyahou et Yoav Gallant": "Yoav" hangs on
    "Nétanyahou")."""
    out = [i]
    for c in doc.children(i):
        if doc.deps[c] == "conj":
            out.extend(with_conj(doc, c))
        elif doc.deps[c] == "flat:name" or doc.pos[i] == "PROPN" and c > i and (
                doc.deps[c] == "amod" or doc.deps[c] == "nmod" and doc.pos[c] == "PROPN" and c - i <= 2):
            out.extend(k for g in doc.children(c) if doc.deps[g] == "conj" and doc.pos[g] == "PROPN"
                       for k in with_conj(doc, g))
    return out


def is_negated(doc: ParsedDoc, i: int) -> bool:
    kids = doc.children(i)
    words = {doc.lemmas[c].lower() for c in kids} | {doc.words[c].lower() for c in kids}
    ne = "ne" in words or "n'" in words or "n’" in words
    # ("plus" and "point" negate only with "ne": "a massé plus de 100 000 soldats" is no negation)
    if words & (NEGATORS - NEEDS_NE) or ne:
        return True
    # "aucun" determiner on the object: "n'a lancé aucune attaque"
    return any(doc.deps[c] in ("obj", "nsubj") and any(
        doc.lemmas[g].lower() == "aucun" for g in doc.children(c)) for c in kids)


def is_future(doc: ParsedDoc, i: int) -> bool:
    """Future tense, on word i or on one of its auxiliaries ("attaquera", "sera jugé")."""
    return doc.morph(i, "Tense") == "Fut" or any(
        doc.deps[c].startswith("aux") and doc.morph(c, "Tense") == "Fut" for c in doc.children(i))


def is_conditional(doc: ParsedDoc, i: int) -> bool:
    """Conditional mood (the model often tags it Ind+Imp, "attaquerait": `transforms.tense`
    re-tags such forms from their spelling before the coder reads them)."""
    return doc.morph(i, "Mood") == "Cnd"


_LOCATIVE_CASES = {"en", "dans", "au", "aux", "à", "a"}
# spatial words before "de" that make the name after them a place ("au-dessus de Kiev", "près de Moscou")
_SEAS = {"mer", "océan", "golfe", "détroit"}
_NEAR_WORDS = {"au-dessus", "près", "proximité", "autour", "large", "abords", "environs", "alentours", "banlieue",
               "périphérie", "faubourgs", "quartier", "quartiers"}


def participles_on(doc: ParsedDoc, i: int) -> list[int]:
    """Participles modifying a noun, which the parser often gives the noun's complements."""
    return [c for c in doc.children(i) if doc.deps[c] in ("acl", "amod") and doc.pos[c] == "VERB"
            and doc.morph(c, "VerbForm") in ("Part", None)]


def with_conj_appos(doc: ParsedDoc, i: int) -> list[int]:
    """Conjuncts, also those the parser hangs on an apposition: "Le président ukrainien,
    Volodymyr Zelensky, et le Polonais Andrzej Duda"."""
    out = with_conj(doc, i)
    for c in doc.children(i):
        if doc.deps[c] == "appos":
            out.extend(k for k in with_conj(doc, c) if k != c)
    return out


def locative(doc: ParsedDoc, start: int) -> bool:
    """A name after "en", "dans", "à", "au" (also "dans toute la") is where it happened ("arrêté en
    Iran"), not who; so is the country in parentheses after such a place ("à Pristina (Kosovo)")."""
    k = start - 1
    if k >= 1 and doc.words[k] == "(":
        j = k - 1
        while j > 0 and doc.pos[j - 1] == "PROPN" and doc.words[j - 1][:1].isupper():
            j -= 1  # back to the first word of the place's name ("à Saint-Denis (Réunion)")
        return doc.pos[k - 1] == "PROPN" and locative(doc, j)
    if k >= 0 and doc.words[k].lower() in ("la", "le", "les", "l'", "l’"):
        k -= 1
    if k >= 1 and doc.words[k].lower() in ("tout", "toute", "tous", "toutes"):
        k -= 1  # "ont défilé dans toute la France": everywhere in it
    if k >= 1 and doc.words[k].lower() in ("de", "d'", "d’") and doc.words[k - 1].lower() in _NEAR_WORDS:
        return True  # "abattu trois drones au-dessus de Kiev", "au large de la Crimée": where, not whom
    if k >= 1 and doc.words[k].lower() in ("de", "d'", "d’", "du") and doc.lemmas[k - 1].lower() in _SEAS:
        return True  # "un missile tiré en mer du Japon", "dans le golfe de Guinée": a sea, named after a country
    return k >= 0 and doc.words[k].lower() in _LOCATIVE_CASES and doc.deps[start] not in ("iobj", "obl:arg")


def is_present_participle(doc: ParsedDoc, i: int) -> bool:
    """"rencontrant", "soutenant": active; a past participle on a noun is passive."""
    return doc.morph(i, "Tense") == "Pres" or doc.words[i].lower().endswith("ant")


def _topic_colon(doc: ParsedDoc, i: int) -> int | None:
    """The colon that closes the topic label of word i's sentence: an early colon ("Mali : …",
    "Crise au Sahel : …") with no verb before it; None when the sentence opens with no label."""
    s, _ = doc.sents[doc.sent_index(i)]
    colon = next((k for k in range(s, min(s + 8, len(doc))) if doc.words[k] == ":"), None)
    if colon is None or any(doc.pos[k] in ("VERB", "AUX") for k in range(s, colon)):
        return None
    return colon


def headline_topic(doc: ParsedDoc, i: int) -> bool:
    """"Mali : la France …": the first words of a sentence, before a colon, name its topic (and
    the verb they hang on comes after it)."""
    colon = _topic_colon(doc, i)
    return colon is not None and i < colon < doc.heads[i]


def second_subjects(doc: ParsedDoc, kids: list[int]) -> set[int]:
    """"Jean Castex défend Emmanuel Macron" parsed with two subjects: the one after the verb is
    its object."""
    subj = [c for c in kids if doc.deps[c] == "nsubj"]
    # (a headline's topic is no subject: "Nucléaire : l'UE devra …, estime Thierry Breton")
    if len(subj) < 2 or not any(c < doc.heads[c] and not headline_topic(doc, c) for c in subj):
        return set()
    return {c for c in subj if c > doc.heads[c]}


def headline_participle(doc: ParsedDoc, v: int) -> bool:
    """"Chow Hang-tung condamnée pour …", "Trois militants arrêtés à Minsk": a past participle
    heading a clause with a subject and no auxiliary is a headline's elliptic passive."""
    if doc.deps[v] not in ("ROOT", "parataxis") or doc.morph(v, "VerbForm") != "Part" or \
            is_present_participle(doc, v) or finite_in_headline(doc, v):
        return False  # ("Abiy Ahmed lance une offensive": no participle ends so, whatever the tagger says)
    kids = doc.children(v)
    # (a form ending in -t with an object is a present tense: "X rejoint Y", "X dit Y")
    present_like = doc.words[v].lower().endswith("t")  # "rejoint", "dit", "fait", "conduit"
    # (or with its agent, whatever the parser made of the subject: "Lula reçu par Xi Jinping")
    return any(doc.deps[c] in ("nsubj", "nsubj:pass", "obl:agent") for c in kids) and not any(
        doc.deps[c].startswith(("aux", "cop")) or present_like and doc.deps[c] == "obj" for c in kids)


def detached_subject(doc: ParsedDoc, i: int) -> list[int]:
    """The noun the parser hung on a misparsed subject after a comma or a colon ("Dans le jeu
    gazier, l'Iran, le Turkménistan et l'Azerbaïdjan s'entendent")."""
    lo, hi = doc.subtree(i)
    for g in range(i + 1, hi):
        if doc.deps[g] in ("nmod", "appos", "conj") and doc.pos[g] in ("PROPN", "NOUN") and \
                case_of(doc, g) is None and any(doc.words[k] in (",", ":") for k in range(i + 1, g)):
            # the parser hangs the rest of the coordination on the same head
            h = doc.heads[g]
            return [g] + [c for c in doc.children(h) if c > g and doc.deps[c] == "conj"] + \
                [c for c in doc.children(g) if doc.deps[c] == "conj"]
    return []


def bare_en_phrase(doc: ParsedDoc, i: int) -> bool:
    """Noun i in an "en" phrase with no determiner, hung on a verb ("En visite à Kiev, le ministre
    a promis …", "en concertation avec"): a state its clause's subject is in."""
    h = doc.heads[i]
    return h != i and doc.pos[i] == "NOUN" and doc.pos[h] in ("VERB", "AUX") and case_of(doc, i) == "en" \
        and not any(doc.deps[c] == "det" for c in doc.children(i))


def not_excluded(doc: ParsedDoc, t: int) -> bool:
    """Word t is a negated "exclure": what it governs is not ruled out ("n'a pas exclu une rencontre")."""
    return doc.lemmas[t].lower() == "exclure" and is_negated(doc, t)


def detached_participle(doc: ParsedDoc, v: int) -> bool:
    """A past participle opening its clause before a comma and the main verb ("Condamné, le maire
    quitte ses fonctions", "Condamné à cinq ans de prison, X dénonce …"): a passive whose patient
    is the main verb's subject. At the head of a sentence the tagger often takes the capitalised
    participle for a name or a noun ("Expulsé, X quitte l'Australie", "Arrêté à Moscou, X …"): its
    form and place say what it is."""
    h = doc.heads[v]
    if h == v or h < v or any(doc.deps[c].startswith("aux") for c in doc.children(v)):
        return False
    # (its own complements up to the comma, the main verb after it)
    comma = next((k for k in range(v + 1, min(len(doc), v + 12)) if doc.words[k] == ","), None)
    if comma is None or h < comma or any(doc.pos[k] in ("VERB", "AUX") for k in range(v + 1, comma)):
        return False
    if doc.deps[v] == "advcl" and doc.morph(v, "VerbForm") == "Part" and doc.morph(v, "Tense") == "Past":
        return True
    return initial_participle(doc, v) and doc.pos[h] == "VERB"


def initial_participle(doc: ParsedDoc, v: int) -> bool:
    """Token v opens its sentence with a capitalised past participle's form that the tagger did not
    read as a verb ("Expulsé", "Arrêtée")."""
    word = doc.words[v]
    return doc.pos[v] in ("PROPN", "NOUN", "ADJ") and v == doc.sents[doc.sent_index(v)][0] and \
        word[:1].isupper() and word.lower().endswith(("é", "ée", "és", "ées")) and len(word) > 4


def _before_auxiliaries(doc: ParsedDoc, v: int) -> int:
    """The word before verb v and its auxiliaries ("…, a indiqué": the comma)."""
    k = v - 1
    while k >= 0 and doc.pos[k] == "AUX":
        k -= 1
    return k


def after_comma(doc: ParsedDoc, v: int) -> bool:
    """Verb v (its auxiliaries aside) comes right after a comma: "…, a indiqué X"."""
    k = _before_auxiliaries(doc, v)
    return k >= 0 and doc.words[k] == ","


def after_quote(doc: ParsedDoc, v: int) -> bool:
    """Verb v opens an incise after a quotation ("« … », a rappelé X"): a comma right before it
    (auxiliaries aside) with a closing quotation mark just before the comma."""
    k = _before_auxiliaries(doc, v)
    return k >= 1 and doc.words[k] == "," and doc.words[k - 1] in CLOSING_QUOTES


def under_case(doc: ParsedDoc, k: int, top: int, cases: tuple[str, ...]) -> bool:
    """Token k hangs, below `top`, under a phrase introduced by one of `cases` ("sur l'union de
    la gauche")."""
    seen = 0
    while k != top and doc.heads[k] != k and seen < 30:
        if case_of(doc, k) in cases:
            return True
        k, seen = doc.heads[k], seen + 1
    return False


def incise(doc: ParsedDoc, v: int) -> bool:
    """Verb v follows a comma closing a clause, with its subject after it: "…, explique la
    politologue dans une tribune", "…, rappelle la présidente de la commission"."""
    s, _ = doc.sents[doc.sent_index(v)]
    return v - 1 > s + 2 and doc.words[v - 1] == "," and not any(
        doc.deps[c] in SUBJECT_DEPS for c in doc.children(v))


def lemma_of(doc: ParsedDoc, i: int) -> str:
    return doc.lemmas[i].lower()


def finite_in_headline(doc: ParsedDoc, v: int) -> bool:
    """A present-tense verb the tagger took for a participle ("Le Mali expulse …", "X rallie Y"):
    an -er verb ending in -e/-ent is no past participle (those end in -é); nor is a form no past
    participle takes ("L'Algérie rompt …", "Séoul établit …", "Paris reçoit …", "… prennent …",
    "Pékin suspend …", "Ottawa remet …")."""
    word, lemma = doc.words[v].lower(), doc.lemmas[v].lower()
    if doc.morph(v, "VerbForm") == "Fin":
        return True
    if lemma.endswith("er"):
        return word.endswith(("e", "ent")) and not word.endswith(("ée", "ées"))
    return word.endswith(("ent", "d", "oit", "pt")) or lemma.endswith("ettre") and word.endswith("et") or \
        lemma.endswith("ir") and word == lemma[:-1] + "t"


def in_parentheses(doc: ParsedDoc, k: int, s: int, e: int) -> bool:
    """Token k is inside (or is) a short parenthesis of its sentence: "(à gauche)", "(FDS)"."""
    if doc.words[k] in ("(", ")"):
        return True
    opened = next((j for j in range(k - 1, max(s - 1, k - 5), -1) if doc.words[j] in ("(", ")")), None)
    closed = next((j for j in range(k + 1, min(e, k + 5)) if doc.words[j] in ("(", ")")), None)
    return opened is not None and closed is not None and doc.words[opened] == "(" and doc.words[closed] == ")"


def misparsed_preposition(doc: ParsedDoc, i: int) -> bool:
    """"A Genève, X et Y …": a capitalised preposition the parser took for a noun. (A word tagged
    X that heads a name, "Donald Trump annonce …", is the name's first word, not a preposition.)"""
    if doc.pos[i] == "X" and any(doc.deps[c] == "flat:name" for c in doc.children(i)):
        return False
    return doc.pos[i] in ("X", "ADP") or doc.words[i] in ("A", "À")


def has_si_clause(doc: ParsedDoc, i: int) -> bool:
    return any(doc.deps[c] == "advcl" and any(doc.lemmas[g].lower() == "si" for g in doc.children(c))
               for c in doc.children(i))


def clause_verb(doc: ParsedDoc, k: int) -> int | None:
    """The verb (or auxiliary) whose clause holds word k, k itself if it is one; None if the
    climb up the parse meets no verb (a verbless headline)."""
    while doc.heads[k] != k and doc.pos[k] not in ("VERB", "AUX"):
        k = doc.heads[k]
    return k if doc.pos[k] in ("VERB", "AUX") else None


def is_lemma(doc: ParsedDoc, k: int, lemma: str) -> bool:
    """Whether word k has this lemma; a capitalised word may have lost its accent ("l'Etat de
    Palestine", as French newspapers write capitals) and is matched without accents. A past
    participle with a determiner is the noun it spells ("signent un nouveau traité", tagged as the
    verb "traiter")."""
    if doc.lemmas[k].lower() == lemma or doc.words[k][:1].isupper() and norm(doc.lemmas[k]) == norm(lemma):
        return True
    return doc.pos[k] == "VERB" and doc.words[k].lower() in (lemma, lemma + "s") and lemma.endswith("é") and (
        any(doc.deps[c] == "det" for c in doc.children(k))
        or k >= 1 and doc.pos[k - 1] == "DET" or k >= 2 and doc.pos[k - 1] == "ADJ" and doc.pos[k - 2] == "DET")


def expression_noun(doc: ParsedDoc, i: int, lemma: str | None) -> int | None:
    """The noun of a multi-word trigger at i ("recours" of "intenter un recours"), a few words on."""
    if not lemma:
        return None
    return next((k for k in range(i + 1, min(len(doc), i + 7)) if is_lemma(doc, k, lemma)), None)


def clause_distance(doc: ParsedDoc, i: int, k: int) -> int | None:
    """How far up from word i's clause the clause holding word k is: 0 when they share a clause, 1
    when k's clause is the one i's clause hangs on, and so on; None when k's clause does not govern
    i's (a sibling clause: "Reçu jeudi à Pékin, Macron a appelé …" for the call), or only through
    reported speech ("Des militants ont été frappés dimanche, a dénoncé l'association": Sunday is
    the beating's, not the denunciation's). A verbless sentence's root governs every clause in it."""
    def clause(w: int) -> int:
        c = clause_verb(doc, w)
        if c is None:
            while doc.heads[w] != w:
                w = doc.heads[w]
            return w
        return c

    target, n, j = clause(k), 0, i
    while True:
        c = clause(j)
        if c == target:
            return n
        if doc.deps[c] == "parataxis" or doc.heads[c] == c:
            return None
        j, n = doc.heads[c], n + 1


def topic_label(doc: ParsedDoc, k: int) -> bool:
    """Whether word k is in a headline's topic label, the verbless words before an early colon
    ("Crise en Ukraine : …", "Mali : …")."""
    colon = _topic_colon(doc, k)
    return colon is not None and k < colon


def mention_head(doc: ParsedDoc, m: Mention) -> int:
    """The word of mention m whose head lies outside it: the one its other words hang on."""
    return next((k for k in range(m.start, m.end) if not m.start <= doc.heads[k] < m.end), m.start)
