"""Where and when an event took place: date expressions, the event's own clause, places (real
spaCy parse on sentences of our own), and the gold files bench/where_when.py scores against."""

import csv
import datetime as dt
import sys
from pathlib import Path

import pytest

from transforms.coder import EventCoder
from transforms.entities import default_resolver
from transforms.eventdates import expressions, resolve
from transforms.events import event_rows
from transforms.lexicon import default_tables
from transforms.nlp import from_spacy
from transforms.places import load_places

ROOT = Path(__file__).resolve().parent.parent
FRIDAY = dt.date(2022, 1, 21)


@pytest.fixture(scope="module")
def coder():
    cameo, triggers = default_tables()
    return EventCoder(default_resolver(), cameo, triggers, load_places())


def _rows(coder, nlp, text, day=FRIDAY):
    when = dt.datetime.combine(day, dt.time(12), tzinfo=dt.timezone.utc)
    art = {"article_id": "t", "url": None, "title": None, "text": text, "published_at": when,
           "published_at_status": "ok", "ingested_at": when}
    return event_rows(art, from_spacy(nlp(text)), coder)


def _one(rows, trigger):
    found = [r for r in rows if r["trigger"] == trigger]
    assert len(found) == 1, [(r["trigger"], r["event_code"]) for r in rows]
    return found[0]


@pytest.mark.parametrize("text, day, source", [
    ("arrêté en novembre 2020", dt.date(2020, 11, 1), "text_month"),
    ("arrêté en mai dernier", dt.date(2021, 5, 1), "text_month"),
    ("élu en 2017", dt.date(2017, 1, 1), "text_year"),
    ("condamné l'an dernier", dt.date(2021, 1, 1), "text_year"),
    ("le mois dernier", dt.date(2021, 12, 1), "text_month"),
    ("lundi 17 janvier 2022", dt.date(2022, 1, 17), "text"),  # the weekday is part of the date
    ("les 7 et 8 février", dt.date(2022, 2, 7), "text"),  # the first of two days
    ("tué dans la nuit", dt.date(2022, 1, 20), "text"),
    ("tué la veille", dt.date(2022, 1, 20), "text"),
    ("mercredi soir", dt.date(2022, 1, 19), "text"),
    ("il y a trois jours", dt.date(2022, 1, 18), "text"),
    ("il y a deux semaines", dt.date(2022, 1, 7), "text"),
    ("il y a six mois", dt.date(2021, 7, 1), "text_month"),
    ("il y a un an", dt.date(2021, 1, 1), "text_year"),
    ("ce matin", FRIDAY, "text"),
    ("ce week-end", dt.date(2022, 1, 22), "text"),  # said on a Friday: the coming one
    ("le week-end dernier", dt.date(2022, 1, 15), "text"),
])
def test_date_expressions(text, day, source):
    assert resolve(text, FRIDAY) == (day, source)


@pytest.mark.parametrize("text", [
    "en détention depuis le 3 janvier", "à partir du 1er février", "d'ici au 31 mars",
    "la veille du sommet", "dans la nuit de samedi à dimanche",
])
def test_starts_ends_and_nouns_are_no_date_of_their_own(text):
    # a start or an end is no date for the event; "la veille du sommet" and "la nuit de samedi à
    # dimanche" are not the day before publication (the weekday gives the latter)
    got = resolve(text, FRIDAY)
    if "samedi" in text:
        assert got == (dt.date(2022, 1, 15), "text")
    else:
        assert got == (FRIDAY, "published")


@pytest.mark.parametrize("text", ["en janvier 0000", "le 3 janvier 0000", "le 31 février 2022",
                                  "il y a 999 mois", "il y a 999 ans", "le 99 mars", "en 9999"])
def test_impossible_dates_never_raise(text):
    # a typo or a hostile string gives a real date or none, never an exception that would send the
    # whole article to rejects
    day, source = resolve(text, FRIDAY)
    assert source in ("text", "text_month", "text_year", "published") and 1000 < day.year < 3000


def test_a_29_february_to_come_in_a_year_without_one_stays_a_date():
    assert [x.day for x in expressions("le 29 février", dt.date(2024, 3, 20), future=True)] == [dt.date(2024, 2, 29)]


def test_a_future_weekday_is_the_coming_one():
    assert [x.day for x in expressions("se rendra lundi à Berlin", FRIDAY, future=True)] == [dt.date(2022, 1, 24)]
    assert [x.day for x in expressions("s'est rendu lundi à Berlin", FRIDAY)] == [dt.date(2022, 1, 17)]


def test_each_event_takes_the_date_and_place_of_its_own_clause(coder, nlp):
    rows = _rows(coder, nlp, "Le ministre allemand des affaires étrangères, qui s'était rendu à Kiev mardi, a "
                             "rencontré jeudi à Paris son homologue français.")
    trip, meeting = _one(rows, "rendu"), _one(rows, "rencontré")
    assert (trip["event_date"], trip["action_geo_name"]) == (dt.date(2022, 1, 18), "Kiev")
    assert (meeting["event_date"], meeting["action_geo_name"], meeting["action_geo_country"]) == \
        (dt.date(2022, 1, 20), "Paris", "FRA")


def test_a_governing_clause_dates_and_places_what_it_holds(coder, nlp):
    row = _one(_rows(coder, nlp, "Le journaliste français a été arrêté en Iran en 2020."), "arrêté")
    assert (row["event_date"], row["event_date_source"], row["action_geo_country"]) == \
        (dt.date(2020, 1, 1), "text_year", "IRN")
    row = _one(_rows(coder, nlp, "L'opposant avait été arrêté en mai dernier par la police biélorusse."), "arrêté")
    assert (row["event_date"], row["event_date_source"]) == (dt.date(2021, 5, 1), "text_month")


def test_a_future_trip_is_on_the_coming_weekday(coder, nlp):
    row = _one(_rows(coder, nlp, "Le premier ministre se rendra lundi à Berlin pour rencontrer le chancelier."),
               "rendra")
    assert (row["event_date"], row["action_geo_name"]) == (dt.date(2022, 1, 24), "Berlin")


def test_a_conditional_over_an_infinitive_looks_ahead(coder, nlp):
    row = _one(_rows(coder, nlp, "Le chancelier allemand pourrait se rendre lundi à Varsovie."), "rendre")
    assert row["event_date"] == dt.date(2022, 1, 24)


def test_a_trip_one_is_due_to_make_looks_ahead(coder, nlp):
    row = _one(_rows(coder, nlp, "Le président français doit se rendre mardi à Varsovie."), "rendre")
    assert (row["event_date"], row["modality"]) == (dt.date(2022, 1, 25), "future")


def test_an_act_dated_after_publication_is_to_come_but_what_is_said_of_it_is_said(coder, nlp):
    # the parser hangs the participle on a name of the noun's complement; its date is the talks'
    row = _one(_rows(coder, nlp, "Des pourparlers entre Kiev et Moscou annoncés la semaine prochaine sous l'égide "
                                 "de la Turquie."), "pourparlers")
    assert (row["event_date"], row["modality"]) == (dt.date(2022, 1, 28), "future")
    row = _one(_rows(coder, nlp, "Jean-Luc Mélenchon promet un meeting le 30 janvier à Nantes."), "promet")
    assert row["modality"] == "asserted"  # the promise is made; the meeting is what it speaks of
    # a photo dated after its item shows what happened: the item's date is what is wrong
    row = _one(_rows(coder, nlp, "Valérie Pécresse, en réunion avec des élus ruraux à Cahors, le 19 février 2022."),
               "réunion")
    assert (row["event_date"], row["modality"]) == (dt.date(2022, 2, 19), "asserted")


def test_a_headline_topic_and_a_recipient_are_no_place(coder, nlp):
    text = "Crise en Ukraine : le président polonais a reçu jeudi le premier ministre lituanien."
    row = _one(_rows(coder, nlp, text), "reçu")
    assert row["action_geo_name"] is None and row["event_date"] == dt.date(2022, 1, 20)
    row = _one(_rows(coder, nlp, "Le Canada livrera des drones à l'Ukraine."), "livrera")
    assert row["action_geo_name"] is None


def test_the_recipient_of_a_dative_is_no_place_but_a_country_s_people_are_where(coder, nlp):
    row = _one(_rows(coder, nlp, "La France a alloué une enveloppe de 10 millions d'euros au Liban."), "alloué")
    assert (row["actor2_code"], row["action_geo_name"]) == ("LBN", None)
    # the target is the country's people, built from the place: the place stays where
    row = _one(_rows(coder, nlp, "Une Américaine condamnée pour escroquerie aux Etats-Unis."), "condamnée")
    assert row["action_geo_country"] == "USA"
    # a visit's target is where it goes
    row = _one(_rows(coder, nlp, "Le ministre s'est rendu à Kiev."), "rendu")
    assert row["action_geo_name"] == "Kiev"


def test_an_attack_takes_place_where_it_strikes(coder, nlp):
    row = _one(_rows(coder, nlp, "L'aviation russe a mené des frappes sur Kharkiv dans la nuit."), "mené")
    assert (row["action_geo_name"], row["action_geo_country"], row["event_date"]) == \
        ("Kharkiv", "UKR", dt.date(2022, 1, 20))
    row = _one(_rows(coder, nlp, "Les Etats-Unis redoutent une invasion de l'Ukraine par la Russie."), "invasion")
    assert (row["action_geo_name"], row["modality"]) == ("Ukraine", "hypothetical")


def test_a_caption_closing_place_and_date_and_a_city_before_its_country(coder, nlp):
    row = _one(_rows(coder, nlp, "Des agriculteurs manifestent contre la réforme de la politique agricole commune, "
                                 "à Rennes, le 3 février 2022."), "manifestent")
    assert (row["action_geo_name"], row["event_date"]) == ("Rennes", dt.date(2022, 2, 3))
    row = _one(_rows(coder, nlp, "Les deux ministres se sont rencontrés à Vilnius, en Lituanie, le 12 janvier 2022."),
               "rencontrés")
    assert (row["action_geo_name"], row["action_geo_country"]) == ("Vilnius", "LTU")


def test_a_town_is_the_one_of_the_country_named_after_it(coder, nlp):
    # the largest Brest is French, the largest Dover English: the words after the name say which
    row = _one(_rows(coder, nlp, "Des manifestants ont défilé à Brest, en Biélorussie, contre le régime."), "défilé")
    assert (row["action_geo_name"], row["action_geo_country"], row["actor1_code"], row["actor2_code"]) == \
        ("Brest", "BLR", "BLRCVL", "BLRGOV")
    assert abs(row["action_geo_lon"] - 23.7) < 0.1
    row = _one(_rows(coder, nlp, "Sur la base aérienne de Dover, dans le Delaware, aux Etats-Unis, une cargaison "
                                 "d'armes américaines destinée à l'Ukraine est vérifiée."), "cargaison")
    assert (row["action_geo_name"], row["action_geo_country"]) == ("Dover", "USA")
    row = _one(_rows(coder, nlp, "Des manifestants ont défilé à Brest contre la réforme."), "défilé")
    assert row["action_geo_country"] == "FRA"
    # a namesake ending the text, with nothing after it, is the largest one
    rows = _rows(coder, nlp, "Des manifestants ont défilé à Dover")
    assert rows and {r["action_geo_country"] for r in rows} == {"GBR"}, rows
    # a US state says so too (lexicons/regions.tsv)
    row = _one(_rows(coder, nlp, "Le président français s'est rendu à Dover, dans le Delaware."), "rendu")
    assert (row["action_geo_name"], row["action_geo_country"], row["actor2_code"]) == ("Dover", "USA", "USA")


def test_a_name_under_a_site_noun_is_where(coder, nlp):
    row = _one(_rows(coder, nlp, "Des policiers ont interpellé trois militants dans le centre de Lyon."), "interpellé")
    assert (row["action_geo_name"], row["action_geo_country"]) == ("Lyon", "FRA")
    # an administrative unit is a site too ("le territoire de Beni", a district of the DRC's Nord-Kivu)
    row = _one(_rows(coder, nlp, "Des rebelles ont tué douze civils dans le territoire de Beni."), "tué")
    assert (row["action_geo_name"], row["action_geo_country"]) == ("Beni", "COD")


def test_a_headline_s_unaccented_a_introduces_a_place(coder, nlp):
    # "A" for "À" (transforms/reparse.py): the model alone reads the town as the sentence's root
    row = _one(_rows(coder, nlp, "A Kiev, Emmanuel Macron appelle à la retenue."), "appelle")
    assert (row["action_geo_name"], row["action_geo_country"]) == ("Kiev", "UKR")


def test_a_site_of_a_town_struck_or_taken_is_where_and_whom(coder, nlp):
    # the model reads "l'hôpital de Kherson" as one unknown name: the town after "de" is where it was
    row = _one(_rows(coder, nlp, "L'aviation russe a bombardé l'hôpital de Kherson."), "bombardé")
    assert (row["action_geo_name"], row["action_geo_country"], row["actor2_code"]) == ("Kherson", "UKR", "UKR")
    row = _one(_rows(coder, nlp, "Les rebelles du M23 se sont emparés de l'aéroport de Goma."), "emparés")
    assert (row["action_geo_name"], row["action_geo_country"]) == ("Goma", "COD")


# ------------------------------------------------------------------ gold files

GOLD = ROOT / "bench" / "gold" / "where_when"


def _event_keys(set_name):
    """(item, sentence key, actor 1, actor 2, root) of every event of an event gold set."""
    written = ROOT / "bench" / "gold" / "written" / f"{set_name}.tsv"
    path = written if written.exists() else ROOT / "bench" / "gold" / (
        "events.tsv" if set_name == "dev" else f"events_{set_name}.tsv")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["id"] if written.exists() else r["guid"], "" if written.exists() else r["sentence_key"],
             r["actor1_code"], r["actor2_code"], r["root"]) for r in rows if r["root"] != "-"]


@pytest.mark.parametrize("name", ["feed_dev", "feed_test", "written_dev", "written_test"])
def test_where_when_gold_annotates_every_gold_event_once(name):
    sys.path.insert(0, str(ROOT / "bench"))
    from where_when import HEADER, load, span

    path = GOLD / f"{name}.tsv"
    with path.open(encoding="utf-8") as fh:
        assert fh.readline().rstrip("\n").split("\t") == HEADER
    rows = load(path)
    sets = {r["set"] for r in rows}
    assert sets and all(s.startswith("test") == name.endswith("test") for s in sets)
    expected = sorted(k for s in sets for k in _event_keys(s))
    got = sorted((r["item"], r["sentence_key"], r["actor1_code"], r["actor2_code"], r["root"]) for r in rows)
    assert got == expected  # one annotation per gold event, no more, no less
    for r in rows:
        assert not r["place_iso3"] or (len(r["place_iso3"]) == 3 and r["place_iso3"].isupper()), r
        assert not r["place_iso3"] or r["place"], r
        lo, hi = span(r["date"], FRIDAY)
        assert lo <= hi, r


@pytest.mark.parametrize("name", ["feed_dev", "written_dev"])
def test_second_where_when_annotation_covers_events_of_the_first(name):
    sys.path.insert(0, str(ROOT / "bench"))
    from where_when import load

    def keys(rows):
        return sorted((r["set"], r["item"], r["sentence_key"], r["actor1_code"], r["actor2_code"], r["root"])
                      for r in rows)

    first, second = keys(load(GOLD / f"{name}.tsv")), keys(load(GOLD / "second" / f"{name}.tsv"))
    assert len(second) > 300
    left = list(first)
    for k in second:  # every event of the second annotation is one of the first's, once
        left.remove(k)
