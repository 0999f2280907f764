"""Headline verbs the tagger misreads, parsed again (transforms/reparse.py), on our own sentences
and the real French model: what is detected, what the second parse keeps, and what it leaves alone."""

import pytest

from lexicons import LexiconError
from transforms.lexicon import load_reparse
from transforms.nlp import from_spacy
from transforms.reparse import _accepts, misread_verbs, noun_conjuncts, participle_conjuncts, unaccented_a


def _first_pass(nlp, text):
    """The parse without the component: what the model alone reads."""
    with nlp.select_pipes(disable=["vigie_reparse"]):
        return from_spacy(nlp(text))


def test_the_model_misreads_what_the_component_repairs(nlp):
    # the premise: alone, the model reads these verbs as a noun and an adverb
    assert _first_pass(nlp, "Pékin sanctionne des élus américains.").pos[1] != "VERB"
    assert _first_pass(nlp, "Pékin dément avoir livré des armes à la Russie.").pos[1] != "VERB"


def test_a_misread_headline_verb_is_parsed_again_with_its_own_words(nlp):
    text = "Pékin sanctionne des élus américains."
    doc = from_spacy(nlp(text))
    assert doc.words[1] == "sanctionne" and doc.lemmas[1] == "sanctionner" and doc.pos[1] == "VERB"
    assert doc.heads[0] == 1 and doc.deps[0] == "nsubj"
    assert doc.deps[3] == "obj" and doc.heads[3] == 1
    # the text, its offsets and its entities are the text's, not the stand-in's
    assert doc.text == text and all(text[doc.idx[i]:doc.end_char(i)] == doc.words[i] for i in range(len(doc)))
    assert doc.ents == _first_pass(nlp, text).ents


def test_only_the_misread_sentence_changes(nlp):
    text = "La Chine a protesté contre la visite. Pékin sanctionne des élus américains."
    first, doc = _first_pass(nlp, text), from_spacy(nlp(text))
    s, e = first.sents[0]
    assert (doc.pos[s:e], doc.heads[s:e], doc.deps[s:e]) == (first.pos[s:e], first.heads[s:e], first.deps[s:e])
    k = doc.words.index("sanctionne")
    assert doc.pos[k] == "VERB" and doc.heads[k] == k and k >= e


def test_a_verb_hung_on_its_own_subject_is_parsed_again(nlp):
    # the premise: alone, the model reads "expulse" as a clause on "Moscou", the sentence's root
    first = _first_pass(nlp, "Moscou expulse des diplomates américains.")
    assert first.pos[1] == "VERB" and first.deps[1] == "acl" and first.heads[1] == 0 == first.heads[0]
    doc = from_spacy(nlp("Moscou expulse des diplomates américains."))
    assert doc.heads[1] == 1 and doc.deps[0] == "nsubj" and doc.heads[0] == 1
    assert doc.deps[3] == "obj" and doc.heads[3] == 1
    # a participle hung on a noun stays as it is: it has no present-tense reading
    text = "Des diplomates expulsés de Moscou sont rentrés à Washington."
    assert misread_verbs(_first_pass(nlp, text), load_reparse(), frozenset({"expulser"})) == []


def test_a_headline_s_unaccented_a_is_read_as_the_preposition_it_stands_for(nlp):
    text = "A Tunis, des manifestants dénoncent le président."
    # the premise: alone, the model reads "A" as a letter, with the town hung on it
    first = _first_pass(nlp, text)
    assert first.pos[0] != "ADP" and first.heads[1] == 0
    assert [m.token for m in unaccented_a(first)] == [0]
    doc = from_spacy(nlp(text))
    assert doc.words[0] == "A" and doc.text == text  # the text stays the text's
    assert (doc.pos[0], doc.lemmas[0], doc.deps[0], doc.heads[0]) == ("ADP", "à", "case", 1)
    k = doc.words.index("dénoncent")
    assert doc.heads[1] == k and doc.heads[k] == k
    # an "À" written as such, or an "A" before a lower-case word, is no candidate
    assert unaccented_a(_first_pass(nlp, "À Tunis, des manifestants dénoncent le président.")) == []
    assert unaccented_a(_first_pass(nlp, "A la une ce matin, les élections.")) == []
    # a second parse that makes the town the root, where the first had a verb, is not kept
    text = "A Varsovie, Olaf Scholz rencontre le président polonais."
    first, doc = _first_pass(nlp, text), from_spacy(nlp(text))
    assert (doc.pos, doc.heads) == (first.pos, first.heads)


def test_a_denial_misread_as_an_adverb_governs_what_it_denies(nlp):
    doc = from_spacy(nlp("Pékin dément avoir livré des armes à la Russie."))
    assert doc.lemmas[1] == "démentir" and doc.pos[1] == "VERB"
    assert doc.heads[doc.words.index("livré")] == 1
    # the model also makes the participle after "avoir" the root, with "dément" an adverb on it
    doc = from_spacy(nlp("Le ministre Paul Lemarchand dément avoir souhaité une hausse des impôts."))
    k = doc.words.index("dément")
    assert doc.lemmas[k] == "démentir" and doc.pos[k] == "VERB" and doc.heads[k] == k
    assert doc.heads[doc.words.index("souhaité")] == k


@pytest.mark.parametrize("text", [
    "Une attaque contre Kiev a fait trois morts.",          # a noun after its article
    "La critique de la Chine par Washington.",              # the noun again, headline style
    "Le président dénonce la décision de la Russie.",       # a verb the model reads right
    "La situation critique des hôpitaux a inquiété le gouvernement.",  # an adjective; the verb is the root
])
def test_nouns_adjectives_and_verbs_read_right_are_left_alone(nlp, text):
    assert misread_verbs(_first_pass(nlp, text), load_reparse(), frozenset({"attaquer", "critiquer", "dénoncer"})) == []


def test_a_misreading_is_found_only_for_a_verb_the_coder_knows(nlp):
    doc = _first_pass(nlp, "Pékin sanctionne des élus américains.")
    assert [(m.token, m.lemma, m.proxy) for m in misread_verbs(doc, load_reparse(), frozenset({"sanctionner"}))] \
        == [(1, "sanctionner", "accuse")]
    assert misread_verbs(doc, load_reparse(), frozenset({"critiquer"})) == []


def test_a_second_parse_is_kept_only_with_a_verb_and_its_subject(nlp):
    assert _accepts(_first_pass(nlp, "Pékin accuse des élus américains."), 1)
    assert not _accepts(_first_pass(nlp, "Pékin accuse des élus américains."), 3)  # a noun
    assert not _accepts(_first_pass(nlp, "Accuse des élus américains."), 0)  # no subject
    assert not _accepts(_first_pass(nlp, "Pékin accuse des élus. Paris aussi."), 1)  # two sentences


def test_readings_of_a_form(tmp_path):
    forms = load_reparse()
    assert forms.verb("dément")[0] == ("démentir", "nie|conteste")
    assert ("sanctionner", "accusent") in forms.verb("sanctionnent")
    assert forms.verb("de") == []  # too short to be a stem and an ending


@pytest.mark.parametrize("line, message", [
    ("-e\tdémentir\taccuse", "an ending"),
    ("dément\tdémentir\tnie\nDément\tdémentir\tnie", "listed twice"),
    ("dément\tdémentir", "expected 3 tab-separated fields"),
    ("dément\tdémentir\tnie pas", "single words"),
])
def test_a_bad_line_names_its_file_and_line(tmp_path, line, message):
    bad = tmp_path / "reparse.tsv"
    bad.write_text("# comment\nform\tlemma\tproxy\n" + line + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"reparse.tsv:\d+: .*{message}"):
        load_reparse.__wrapped__(bad)


def test_an_object_hung_on_a_weekday_goes_back_to_its_verb(nlp):
    text = "Le parquet a requis mercredi cinq ans d’inéligibilité contre le maire."
    first, doc = _first_pass(nlp, text), from_spacy(nlp(text))
    day, years, verb = doc.words.index("mercredi"), doc.words.index("ans"), doc.words.index("requis")
    assert first.heads[years] == day  # the premise: the model hangs the object on the weekday
    assert (doc.heads[years], doc.deps[years]) == (verb, "obj") and doc.deps[day] == "obl:mod"


@pytest.mark.parametrize("text, word", [
    ("Le ministre a reçu jeudi 27 janvier les syndicats.", "janvier"),  # the weekday's own date stays its own
    ("Le ministre a reçu mardi soir les syndicats.", "soir"),
])
def test_a_weekday_keeps_its_date_and_time(nlp, text, word):
    doc = from_spacy(nlp(text))
    k = doc.words.index(word)
    assert doc.words[doc.heads[k]] in ("jeudi", "mardi", "27") or doc.deps[k] != "obj"


def test_a_second_participle_describes_the_noun_the_first_describes(nlp):
    text = "Le président Pedro Castillo destitué par le Congrès, puis arrêté par la police à Lima."
    first, doc = _first_pass(nlp, text), from_spacy(nlp(text))
    removed, arrested = doc.words.index("destitué"), doc.words.index("arrêté")
    assert first.words[first.heads[arrested]] == "président"  # the premise: coordinated with the noun
    assert (doc.heads[arrested], doc.deps[arrested]) == (removed, "conj")
    assert participle_conjuncts(doc) == 0  # repaired once, nothing left to move


def test_a_participle_with_its_own_subject_stays_a_clause(nlp):
    doc = _first_pass(nlp, "Le militant arrêté lundi et libéré mardi par la police.")
    freed = doc.words.index("libéré")
    assert doc.words[doc.heads[freed]] == "militant"  # the premise: coordinated with the noun
    # the same coordination, when the second participle has a subject of its own, is a clause: left alone
    day = doc.words.index("mardi")
    doc.deps[day] = "nsubj:pass"
    assert participle_conjuncts(doc) == 0 and doc.words[doc.heads[freed]] == "militant"
    doc.deps[day] = "obl:mod"
    assert participle_conjuncts(doc) == 1 and doc.words[doc.heads[freed]] == "arrêté"


def test_a_noun_coordinated_with_the_verb_goes_to_the_verb_s_subject(nlp):
    text = "Une intervention au Niger serait « une déclaration de guerre », avertissent Bamako et Ouagadougou"
    first, doc = _first_pass(nlp, text), from_spacy(nlp(text))
    warn, second = doc.words.index("avertissent"), doc.words.index("Ouagadougou")
    assert first.heads[second] == warn  # the premise: a conjunct of the verb
    assert doc.words[doc.heads[second]] == "Bamako" and doc.deps[second] == "conj"
    assert noun_conjuncts(doc) == 0


def test_a_coordinated_clause_with_its_own_verb_stays(nlp):
    doc = _first_pass(nlp, "Le ministre reçoit les syndicats et Paris annonce une aide.")
    before = list(doc.heads)
    noun_conjuncts(doc)
    assert doc.heads == before
