import apache_beam as beam
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from transforms.language import KeepFrench, detect_language
from transforms.rejects import REJECT_TAG


def test_french_kept_other_languages_rejected():
    fr = detect_language("Les chefs de la diplomatie se sont rencontrés à Genève pour désamorcer la crise.")
    assert fr.is_french and fr.language == "fr" and fr.probability > 0.9
    en = detect_language("The foreign ministers met in Geneva to defuse the crisis on Friday.")
    assert not en.is_french and en.language == "en" and en.reason == "not_french"


def test_too_short_is_a_decision_not_luck():
    d = detect_language("OK !")
    assert not d.is_french and d.reason == "too_short"


def test_detection_is_deterministic():
    text = "Bonjour tout le monde, ceci est un petit texte."
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_keep_french_composite():
    arts = [
        {"input_ref": "a", "article_id": "1",
         "text": "Le gouvernement a annoncé de nouvelles mesures pour les écoles."},
        {"input_ref": "b", "article_id": "2", "text": "The government announced new measures for schools today."},
    ]
    with TestPipeline(runner="FnApiRunner") as p:
        out = p | beam.Create(arts) | KeepFrench()
        assert_that(out.french | "Ids" >> beam.Map(lambda a: a["article_id"]), equal_to(["1"]), label="fr")
        assert_that(out[REJECT_TAG] | "Why" >> beam.Map(lambda r: (r["input_ref"], r["reason"])),
                    equal_to([("b", "not_french")]), label="rej")
