import pytest

from lexicons import LexiconError
from transforms.gazetteer import Gazetteer
from transforms.lexicon import (
    WORD_CLASSES,
    load_blocs,
    load_cameo,
    load_criticism,
    load_sport,
    load_triggers,
    load_word_classes,
)


def test_cameo_table_has_every_root_with_quad_and_goldstein():
    cameo = load_cameo()
    roots = {c.root for c in cameo.values()}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert cameo["040"].quad_class == 1 and cameo["190"].quad_class == 4
    assert cameo["112"].plover_type == "ACCUSE"


def test_trigger_lexicon_loads_and_covers_roots():
    triggers = load_triggers()
    codes = {t.code[:2] for ts in triggers.values() for t in ts}
    assert {"04", "10", "11", "13", "19"} <= codes


def test_bad_trigger_line_names_file_and_line(tmp_path):
    f = tmp_path / "triggers.tsv"
    f.write_text("lemma\tpos\tobject\treflexive\tcode\ttarget\treciprocal\n"
                 "rencontrer\tVERB\t\tany\t040\tobj\tyes\n"
                 "frapper\tVERB\t\tany\t999\tobj\tno\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"triggers.tsv:3: unknown CAMEO code '999'"):
        load_triggers(f)


def test_a_word_class_object_stands_for_each_of_its_words(tmp_path):
    triggers = load_triggers()
    arms = {t.object for t in triggers["livrer"] if t.code == "072"}
    assert {"arme", "missile", "drone", "munition"} <= arms, arms
    f = tmp_path / "triggers.tsv"
    f.write_text("lemma\tpos\tobject\treflexive\tcode\ttarget\treciprocal\n"
                 "livrer\tVERB\t@armes\tany\t072\tà\tno\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"triggers.tsv:2: unknown word class 'armes' as object"):
        load_triggers(f)


def test_wrong_field_count_names_file_and_line(tmp_path):
    f = tmp_path / "people.tsv"
    f.write_text("name\taliases\tcode\tcountry\tsector\tstart\tend\n"
                 "Antony Blinken\t\tUSAGOV\tUSA\tGOV\t2021-01-26\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"people.tsv:2: expected 7 tab-separated fields, got 6"):
        Gazetteer().load_people(f)


def test_bad_date_in_people_file(tmp_path):
    f = tmp_path / "people.tsv"
    f.write_text("name\taliases\tcode\tcountry\tsector\tstart\tend\n"
                 "Antony Blinken\t\tUSAGOV\tUSA\tGOV\t26/01/2021\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"people.tsv:2: bad date"):
        Gazetteer().load_people(f)


def test_criticism_and_sport_words_load():
    words = load_criticism()
    assert words["cynique"] == "111" and words["mensonge"] == "112"
    context, metaphor = load_sport()
    assert "match" in context and "frapper" in metaphor and not context & metaphor


def test_word_classes_load_every_class_with_its_words():
    words = load_word_classes()
    assert set(words) == set(WORD_CLASSES) and all(words.values())
    assert "démentir" in words["deny_verb"] and "soupçonner" in words["report_verb"]
    assert words["compound_prefix"]["sino"] == "CHN" and words["body_sector"]["syndicat"] == "LAB"
    assert all(v == "" for v in words["policy_noun"].values())


@pytest.mark.parametrize("name, text, loader, message", [
    ("criticism.tsv", "lemma\tcode\ncynique\t111\nhonte\t190\n", load_criticism,
     r"criticism.tsv:3: code must be 111 or 112"),
    ("sport.tsv", "word\tkind\nmatch\tcontext\nfrapper\tverb\n", load_sport,
     r"sport.tsv:3: kind must be context or metaphor"),
    ("wordclasses.tsv", "class\tword\tvalue\npolicy_noun\tloi\t\npolicy_nouns\tréforme\t\n", load_word_classes,
     r"wordclasses.tsv:3: unknown class 'policy_nouns'"),
    ("wordclasses.tsv", "class\tword\tvalue\ncompound_prefix\tfranco\tFRA\ncompound_prefix\tsino\tChina\n",
     load_word_classes, r"wordclasses.tsv:3: class compound_prefix needs a three-letter code as value, got 'China'"),
    ("wordclasses.tsv", "class\tword\tvalue\ndeny_verb\tnier\t\ndeny_verb\tnier\t\n", load_word_classes,
     r"wordclasses.tsv:3: 'nier' is listed twice in class deny_verb"),
    ("wordclasses.tsv", "class\tword\tvalue\ndeny_verb\tnier\tNEG\n", load_word_classes,
     r"wordclasses.tsv:2: class deny_verb takes no value, got 'NEG'"),
])
def test_a_bad_word_list_line_names_file_and_line(tmp_path, name, text, loader, message):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        loader(f)


def test_a_country_s_name_is_the_country_not_a_namesake_town_abroad():
    from transforms.places import load_places

    places = load_places()
    assert places.geocode("Mali").country == "MLI"  # not a town of China
    assert places.geocode("Bénin").country == "BEN"  # not Benin City, Nigeria
    # a city-state or a capital of the country's name keeps its coordinates
    assert places.geocode("Djibouti").country == "DJI" and places.geocode("Djibouti").lat is not None


def test_regions_are_places_of_their_country_and_a_bad_line_names_file_and_line(tmp_path):
    from transforms.places import load_places, load_regions

    places = load_places()
    assert places.geocode("Corse").country == "FRA"
    assert places.geocode("Seine-Saint-Denis").country == "FRA"
    assert places.geocode("Floride").country == "USA"  # the state, not a small town in Uruguay
    assert places.geocode("Vienne").country == "AUT"  # left out of the regions: Vienna stays
    # a city of the home country counts thrice its population against a namesake abroad
    assert places.geocode("Brest").country == "FRA" and places.geocode("Orléans").country == "FRA"
    assert load_places(None).geocode("Brest").country == "BLR"
    assert places.geocode("Paris").name == "Paris"  # the city's own spelling, not an alternate
    f = tmp_path / "regions.tsv"
    f.write_text("name\tcountry\taliases\nCorse\tFRA\t\nBavière\tGermany\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"regions.tsv:3: country must be an ISO3 code"):
        load_regions(f)


def test_bloc_adjectives_name_known_organisations_and_an_unknown_one_names_file_and_line(tmp_path):
    from transforms.gazetteer import load_default, norm

    g = load_default()
    blocs = load_blocs(lambda name: g.lookup(norm(name)))
    assert blocs["européennes"].code == "EU" and blocs["occidental"].code == "WST"
    f = tmp_path / "blocs.tsv"
    f.write_text("adjective\tname\neuropéen\tUnion européenne\nnordique\tConseil nordique imaginaire\n",
                 encoding="utf-8")
    with pytest.raises(LexiconError, match=r"blocs.tsv:3: no organisation named 'Conseil nordique imaginaire'"):
        load_blocs(lambda name: g.lookup(norm(name)), f)


@pytest.mark.parametrize("line, message", [
    ("Mayas\tMaya\t\tGTM\tpeople", r"groups.tsv:3: kind must be one of \['ethnic', 'religious'\]"),
    ("Mayas\tMaya\t\tXYZ\tethnic", r"groups.tsv:3: unknown country 'XYZ'"),
    ("Russes\t\t\tRUS\tethnic", r"groups.tsv:3: 'Russes' already names something else"),
    ("Mayas\t\tmaya\t\tethnic", r"groups.tsv:3: adjectives need the group's country"),
])
def test_a_bad_community_line_names_file_and_line(tmp_path, line, message):
    from lexicons import path
    from transforms.gazetteer import Gazetteer

    g = Gazetteer()  # a fresh one: the default is shared by every test
    g.load_countries(path("actors/countries.tsv"))
    f = tmp_path / "groups.tsv"
    f.write_text(f"name\taliases\tadjectives\tcountry\tkind\nMapuches\tMapuche\t\tCHL\tethnic\n{line}\n",
                 encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        g.load_groups(f)


def test_a_role_that_needs_a_country_word_names_no_one_without_one(tmp_path):
    from transforms.gazetteer import load_default, norm

    assert norm("régime") in load_default().roles_needing_country
    assert norm("ministre des Armées") in load_default().roles_at_home
    f = tmp_path / "roles.tsv"
    f.write_text("phrase\tsector\tperson\tneeds\nrégime\tGOV\t\tcountry\njunte\tMIL\t\tpays\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"roles.tsv:3: needs must be empty, 'country' or 'home', not 'pays'"):
        Gazetteer().load_roles(f)
