import datetime as dt

from transforms.dates import parse_date, partition_day
from transforms.eventdates import resolve
from transforms.text import canonical_url, clean_text, stable_id

NOW = dt.datetime(2022, 2, 1, tzinfo=dt.timezone.utc)


def test_clean_text_strips_html_scripts_and_invisible_characters():
    raw = "<p>Le\u200b ministre&nbsp;a <b>parlé</b>.</p><script>alert(1)</script><p>Fin</p>"
    assert clean_text(raw) == "Le ministre a parlé.\n\nFin"


def test_clean_text_is_nfc():
    decomposed = "e\u0301tat"  # e + combining acute
    assert clean_text(decomposed) == "\u00e9tat"


def test_canonical_url_drops_trackers_and_fragment():
    a = canonical_url("HTTPS://Exemple.org/a/b?utm_source=rss&x=1#top")
    assert a == "https://exemple.org/a/b?x=1"
    assert stable_id(a) == stable_id(canonical_url("https://exemple.org/a/b?x=1"))


def test_parse_date_statuses():
    assert parse_date("2022-01-21T10:00:00+01:00", NOW) == (
        dt.datetime(2022, 1, 21, 9, tzinfo=dt.timezone.utc), "ok")
    assert parse_date("Fri, 21 Jan 2022 10:00:00 GMT", NOW)[1] == "ok"
    assert parse_date(None, NOW) == (None, "missing")
    assert parse_date("le 32 de nivôse", NOW) == (None, "invalid")
    assert parse_date("1970-01-01", NOW) == (None, "invalid")
    value, status = parse_date("2030-01-01", NOW)
    assert status == "future" and value is not None


def test_partition_day_falls_back_to_ingestion_when_untrusted():
    ingested = dt.datetime(2022, 2, 1, 12, tzinfo=dt.timezone.utc)
    pub = dt.datetime(2022, 1, 21, 23, 30, tzinfo=dt.timezone.utc)
    assert partition_day(pub, "ok", ingested) == dt.date(2022, 1, 21)
    assert partition_day(None, "missing", ingested) == dt.date(2022, 2, 1)
    assert partition_day(pub, "future", ingested) == dt.date(2022, 2, 1)


def test_event_dates_relative_to_publication():
    friday = dt.date(2022, 1, 21)
    assert resolve("se sont déroulées ce vendredi", friday) == (friday, "text")
    assert resolve("mardi dernier", friday) == (dt.date(2022, 1, 18), "text")
    assert resolve("le 28 décembre", friday) == (dt.date(2021, 12, 28), "text")
    assert resolve("une réponse la semaine prochaine", friday) == (dt.date(2022, 1, 28), "text")
    assert resolve("sans date", friday) == (friday, "published")
