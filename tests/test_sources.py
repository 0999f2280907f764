import datetime as dt

import apache_beam as beam
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from tests.conftest import FIXTURES, SAMPLES
from transforms.rejects import REJECT_TAG
from transforms.sources import ReadArticles, SourceConfig, read_input

CFG = SourceConfig(timeout_s=5, max_bytes=1_000_000, allow_private_hosts=True)  # the test server is 127.0.0.1


def _split(records):
    arts = [r for r in records if REJECT_TAG not in r]
    rejs = [r[REJECT_TAG] for r in records if REJECT_TAG in r]
    return arts, rejs


def test_rss_file_items_become_articles_with_utc_dates():
    arts, rejs = _split(read_input(str(SAMPLES / "feed.xml"), CFG))
    assert not rejs and len(arts) == 3
    first = arts[0]
    assert first["title"].startswith("Kiev accuse Moscou")
    assert "<p>" not in first["text"] and first["text"].startswith(first["title"])
    assert first["published_at"] == dt.datetime(2022, 1, 20, 9, 15, tzinfo=dt.timezone.utc)
    assert first["published_at_status"] == "ok"
    assert first["source"] == "Vigie, flux d'exemple"
    assert first["input_ref"].endswith("feed.xml#0")
    assert len({a["article_id"] for a in arts}) == 3


def test_jsonl_fields_and_stable_ids():
    arts, rejs = _split(read_input(str(SAMPLES / "articles.jsonl"), CFG))
    assert not rejs and len(arts) == 4
    # same canonical URL (tracking parameter removed) -> same id: the dedup stage sees them
    assert arts[0]["article_id"] == arts[3]["article_id"]
    again, _ = _split(read_input(str(SAMPLES / "articles.jsonl"), CFG))
    assert [a["article_id"] for a in again] == [a["article_id"] for a in arts]


def test_txt_first_line_is_title_and_missing_date_is_flagged():
    [art] = read_input(str(SAMPLES / "depeche.txt"), CFG)
    assert art["title"].startswith("Des manifestants réclament")
    assert art["published_at"] is None and art["published_at_status"] == "missing"


def test_html_main_text_extracted():
    [art] = read_input(str(SAMPLES / "page.html"), CFG)
    assert REJECT_TAG not in art
    assert "Conseil de sécurité" in art["text"]
    assert "Accueil" not in art["text"]  # navigation is not article text
    assert art["published_at_status"] == "ok"


def test_bad_inputs_are_rejects_with_reasons():
    reasons = {}
    for name in ("malformed.rss", "empty.txt", "latin1.txt"):
        [rec] = read_input(str(FIXTURES / name), CFG)
        reasons[name] = rec[REJECT_TAG]["reason"]
    assert reasons == {"malformed.rss": "malformed_feed", "empty.txt": "empty_input",
                       "latin1.txt": "undecodable"}


def test_size_cap_rejects_large_input():
    [rec] = read_input(str(SAMPLES / "feed.xml"), SourceConfig(max_bytes=100))
    assert rec[REJECT_TAG]["reason"] == "too_large"


def test_feed_over_http_from_localhost(http_fixtures):
    arts, rejs = _split(read_input(f"{http_fixtures}/feed-http.xml", CFG))
    assert not rejs and [a["title"] for a in arts][0].startswith("La Pologne condamne")
    [rec] = read_input(f"{http_fixtures}/missing.xml", CFG)
    assert rec[REJECT_TAG]["reason"] == "fetch_failed" and "404" in rec[REJECT_TAG]["detail"]


def test_read_articles_composite_with_globs_and_missing_paths(http_fixtures):
    specs = [str(SAMPLES / "*.xml"), str(FIXTURES / "nothing-here-*.jsonl"), f"{http_fixtures}/feed-http.xml"]
    with TestPipeline(runner="FnApiRunner") as p:
        arts, rejs = p | ReadArticles(specs, CFG)
        assert_that(arts | "N" >> beam.combiners.Count.Globally(), equal_to([5]), label="articles")
        assert_that(rejs | "R" >> beam.Map(lambda r: r["reason"]), equal_to(["no_such_input"]),
                    label="rejects")
