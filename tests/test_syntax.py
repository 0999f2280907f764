"""The parse predicates the event coder relies on (transforms/syntax.py), on our own sentences
parsed by the real French model: each asserts what the coder assumes of the parse."""

import pytest

from transforms.nlp import from_spacy
from transforms.syntax import (
    after_comma,
    after_quote,
    case_of,
    expression_noun,
    headline_topic,
    in_parentheses,
    is_conditional,
    is_negated,
    is_present_participle,
    locative,
    with_conj,
)


@pytest.fixture(scope="module")
def parse(nlp):
    return lambda text: from_spacy(nlp(text))


def _at(doc, word):
    return doc.words.index(word)


def test_case_of_reads_contracted_prepositions(parse):
    doc = parse("Le ministre a répondu aux députés du Sénat.")
    assert case_of(doc, _at(doc, "députés")) == "à"
    assert case_of(doc, _at(doc, "Sénat")) == "de"
    assert case_of(doc, _at(doc, "ministre")) is None


@pytest.mark.parametrize("predicate, text, verb, expected", [
    (is_negated, "La Russie n'envahira pas l'Ukraine.", "envahira", True),
    (is_negated, "L'armée n'a lancé aucune attaque contre la ville.", "lancé", True),
    (is_negated, "La Russie envahira l'Ukraine.", "envahira", False),
    # "plus" negates only with "ne"
    (is_negated, "La Russie n'attaquera plus l'Ukraine.", "attaquera", True),
    (is_negated, "La Russie a massé plus de 100 000 soldats.", "massé", False),
    # the model often tags the conditional Ind+Imp: the form is read too
    (is_conditional, "Moscou attaquerait la ville si elle refusait.", "attaquerait", True),
    (is_conditional, "Les pays membres pourraient imposer des sanctions.", "pourraient", True),
    (is_conditional, "Moscou attaque la ville.", "attaque", False),
], ids=lambda v: getattr(v, "__name__", None))
def test_verb_modality(parse, predicate, text, verb, expected):
    doc = parse(text)
    assert predicate(doc, _at(doc, verb)) is expected


def test_with_conj_collects_coordinated_subjects(parse):
    doc = parse("La France et l'Allemagne condamnent l'attaque.")
    assert {doc.words[k] for k in with_conj(doc, _at(doc, "France"))} == {"France", "Allemagne"}


@pytest.mark.parametrize("text, first, second", [
    ("L'Arabie saoudite et l'Iran renouent leurs relations diplomatiques.", "Arabie", "Iran"),  # on "saoudite"
    ("La Corée du Sud et le Japon ont signé un accord.", "Corée", "Japon"),  # on "Sud"
])
def test_a_name_coordinated_with_the_last_word_of_a_name_is_its_conjunct(parse, text, first, second):
    doc = parse(text)
    assert doc.heads[_at(doc, second)] != _at(doc, first)  # the parse this works around
    assert second in {doc.words[k] for k in with_conj(doc, _at(doc, first))}


def test_a_country_of_a_role_is_no_conjunct_of_its_own(parse):
    doc = parse("Le président de la France et l'Italie ont signé un accord.")
    assert "Italie" not in {doc.words[k] for k in with_conj(doc, _at(doc, "France"))}


def test_locative_after_en_or_a_not_after_an_indirect_object(parse):
    doc = parse("Le journaliste a été arrêté en Iran.")
    assert locative(doc, _at(doc, "Iran"))
    doc = parse("Le ministre a adressé une lettre à la Chine.")
    assert not locative(doc, _at(doc, "lettre"))


def test_headline_topic_is_the_verbless_words_before_an_early_colon(parse):
    # the model makes the topic the verb's subject here: the real subject hangs on it
    doc = parse("Ukraine : Washington et Moscou se rencontrent à Genève")
    assert doc.deps[_at(doc, "Ukraine")] == "nsubj"
    assert headline_topic(doc, _at(doc, "Ukraine"))
    doc = parse("L'Ukraine et la Russie se rencontrent à Genève")
    assert not headline_topic(doc, _at(doc, "Ukraine"))


@pytest.mark.parametrize("predicate, text, true_at, false_at", [
    # an incise of reported speech after a quotation, or after a comma and its auxiliaries
    (after_quote, "« Nous ne céderons pas », a déclaré le ministre.", "déclaré", "céderons"),
    (after_comma, "La Russie a rejeté la demande, a indiqué le ministre.", "indiqué", "rejeté"),
    # a present participle on a noun is active, a past one passive
    (is_present_participle, "Le prince rencontrant le ministre a été filmé.", "rencontrant", "filmé"),
], ids=lambda v: getattr(v, "__name__", None))
def test_word_predicates(parse, predicate, text, true_at, false_at):
    doc = parse(text)
    assert predicate(doc, _at(doc, true_at))
    assert not predicate(doc, _at(doc, false_at))


def test_in_parentheses(parse):
    doc = parse("Le président (à gauche) salue le ministre.")
    s, e = doc.sents[0]
    assert in_parentheses(doc, _at(doc, "gauche"), s, e)
    assert not in_parentheses(doc, _at(doc, "ministre"), s, e)


def test_expression_noun_finds_the_noun_of_a_multi_word_trigger(parse):
    doc = parse("L'association a intenté un recours contre la décision.")
    k = expression_noun(doc, _at(doc, "intenté"), "recours")
    assert k is not None and doc.words[k] == "recours"
    assert expression_noun(doc, _at(doc, "intenté"), "plainte") is None
    assert expression_noun(doc, _at(doc, "intenté"), None) is None
