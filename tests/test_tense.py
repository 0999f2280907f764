"""Future and conditional verbs re-tagged from their form (transforms/tense.py), on our own
sentences and the real French model: the model's misreading, the form reader, the component, and
what the coder then says of the event's modality and date."""

import datetime as dt

import pytest

from lexicons import LexiconError
from transforms.coder import EventCoder
from transforms.entities import default_resolver
from transforms.events import event_rows
from transforms.lexicon import default_tables, load_future_stems
from transforms.nlp import from_spacy
from transforms.places import load_places
from transforms.tense import read_form

MONDAY = dt.datetime(2025, 3, 10, 12, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def coder():
    cameo, triggers = default_tables()
    return EventCoder(default_resolver(), cameo, triggers, load_places())


def _verb(doc, word):
    return doc.words.index(word)


def _first_pass(nlp, text):
    with nlp.select_pipes(disable=["vigie_tense"]):
        return from_spacy(nlp(text))


def test_the_model_misreads_what_the_component_repairs(nlp):
    # the premise: alone, the model tags a future as a present and a conditional as an imperfect
    doc = _first_pass(nlp, "Les Etats-Unis fourniront des armes à l'Ukraine.")
    assert doc.morph(_verb(doc, "fourniront"), "Tense") == "Pres"
    doc = _first_pass(nlp, "La France livrerait des canons à l'Ukraine.")
    assert doc.morph(_verb(doc, "livrerait"), "Mood") == "Ind"


@pytest.mark.parametrize("word, lemma, expected", [
    ("fourniront", "fournir", ("Ind", "Fut", "3", "Plur")),
    ("livrerait", "livrer", ("Cnd", "Pres", "3", "Sing")),
    ("rendra", "rendre", ("Ind", "Fut", "3", "Sing")),
    ("sortirons", "sortir", ("Ind", "Fut", "1", "Plur")),
    ("achètera", "acheter", ("Ind", "Fut", "3", "Sing")),      # open e
    ("appelleront", "appeler", ("Ind", "Fut", "3", "Plur")),   # doubled consonant
    ("emploieraient", "employer", ("Cnd", "Pres", "3", "Plur")),
    ("deviendra", "devenir", ("Ind", "Fut", "3", "Sing")),     # an irregular ending of the table
    ("recevrait", "recevoir", ("Cnd", "Pres", "3", "Sing")),
    ("seront", "être", ("Ind", "Fut", "3", "Plur")),           # an irregular verb of the table
    ("ira", "aller", ("Ind", "Fut", "3", "Sing")),
    # other tenses of the same verbs are not these
    ("parla", "parler", None), ("parlait", "parler", None), ("rendit", "rendre", None),
    ("finit", "finir", None), ("disait", "dire", None), ("fournissent", "fournir", None),
    # a word whose lemma is not its verb is left alone
    ("armée", "armée", None),
])
def test_the_form_says_the_tense(word, lemma, expected):
    assert read_form(word, lemma) == expected


def test_the_component_retags_only_the_misread_verb(nlp):
    text = "Les Etats-Unis fourniront des armes à l'Ukraine, qui les attend."
    first, doc = _first_pass(nlp, text), from_spacy(nlp(text))
    k = _verb(doc, "fourniront")
    assert doc.morph(k, "Tense") == "Fut" and doc.morph(k, "Mood") == "Ind" and doc.morph(k, "Person") == "3"
    # every other token keeps the model's tags, and the parse is the model's
    assert [m for n, m in enumerate(doc.morphs) if n != k] == [m for n, m in enumerate(first.morphs) if n != k]
    assert (doc.heads, doc.deps, doc.pos) == (first.heads, first.deps, first.pos)


def _rows(coder, nlp, text):
    art = {"article_id": "t", "url": None, "title": None, "text": text, "published_at": MONDAY,
           "published_at_status": "ok", "ingested_at": MONDAY}
    return event_rows(art, from_spacy(nlp(text)), coder)


def test_a_promised_delivery_is_future_not_done(coder, nlp):
    rows = _rows(coder, nlp, "Les Etats-Unis fourniront des armes à l'Ukraine.")
    assert [(r["event_root_code"], r["modality"]) for r in rows] == [("07", "future")]


def test_a_trip_in_the_future_is_dated_on_the_coming_weekday(coder, nlp):
    # the model tags "rendra" as a past here: the trip was dated on the Tuesday before
    rows = [r for r in _rows(coder, nlp, "Le chancelier se rendra mardi à Varsovie.") if r["event_root_code"] == "04"]
    assert [(r["modality"], r["event_date"]) for r in rows] == [("future", dt.date(2025, 3, 11))]


def test_a_bad_stem_line_names_file_and_line(tmp_path):
    f = tmp_path / "stems.tsv"
    f.write_text("lemma\tstem\nvenir\tviendr\n-tenir\ttiendr\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"stems\.tsv:3: an ending"):
        load_future_stems.__wrapped__(f)
    f.write_text("lemma\tstem\nvenir\tviendr\nvenir\tvenir\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"stems\.tsv:3: 'venir' is listed twice"):
        load_future_stems.__wrapped__(f)
    f.write_text("lemma\tstem\nvenir\tvien dr\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"stems\.tsv:2: lemma and stem are single"):
        load_future_stems.__wrapped__(f)
