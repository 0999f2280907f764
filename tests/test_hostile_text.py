"""Hostile text and dates, and hypothesis fuzzing of the parsers and the text normalisation:
nothing raises, every string that leaves is valid UTF-8, every item is an article or a reject."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import time

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import ARTICLES, REJECTS
from tests.conftest import FIXTURES, SAMPLES, bounded
from transforms.dates import EARLIEST, from_struct_time, parse_date, partition_day, two_digit_year
from transforms.rejects import REJECT_TAG, SOURCE_REASONS
from transforms.sources import SourceConfig, _jsonl_item, make_article, parse_feed, read_input
from transforms.text import _INVISIBLE, MAX_TEXT_CHARS, canonical_url, clean_text, cut_text, stable_id, strip_html

HOSTILE = FIXTURES / "hostile"
NOW = dt.datetime(2022, 2, 1, tzinfo=dt.timezone.utc)
UTC = dt.timezone.utc
FUZZ = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _strings_are_utf8(rec: dict) -> None:
    for value in rec.values():
        if isinstance(value, str):
            value.encode("utf-8")  # raises on lone surrogates
        elif isinstance(value, dict):
            _strings_are_utf8(value)


def _valid(rec: dict) -> None:
    """An article (with text) or a source reject with a known reason; all strings UTF-8."""
    _strings_are_utf8(rec)
    if REJECT_TAG in rec:
        assert rec[REJECT_TAG]["reason"] in SOURCE_REASONS and rec[REJECT_TAG]["stage"] == "source"
    else:
        assert rec["text"] and not _INVISIBLE.search(rec["text"]) and len(rec["text"]) <= MAX_TEXT_CHARS
        assert rec["published_at_status"] in ("ok", "missing", "invalid", "future")


def _outcomes(path, cfg: SourceConfig | None = None) -> dict[str, str]:
    out = {}
    for rec in read_input(str(path), cfg or SourceConfig()):
        _valid(rec)
        if REJECT_TAG in rec:
            out[rec[REJECT_TAG]["input_ref"].rsplit("/", 1)[-1]] = rec[REJECT_TAG]["reason"]
        else:
            out[rec["input_ref"].rsplit("/", 1)[-1]] = "article"
    return out


# --------------------------------------------------------------------------- text


def test_hostile_jsonl_lines_each_have_their_outcome():
    assert _outcomes(HOSTILE / "text.jsonl") == {
        "text.jsonl#0": "article",  # control characters, zero-width, soft hyphen, bidi marks
        "text.jsonl#1": "article",  # lone surrogates
        "text.jsonl#2": "article",  # only punctuation: the language stage says too_short
        "text.jsonl#3": "article",  # title only
        "text.jsonl#4": "empty_article",
        "text.jsonl#5": "article",  # right-to-left text (not French: the language stage decides)
        "text.jsonl#6": "invalid_json",
        "text.jsonl#7": "invalid_json",  # a 5,000-digit number
        "text.jsonl#8": "invalid_record",
        "text.jsonl#9": "invalid_record",
        "text.jsonl#10": "undecodable",  # one Latin-1 line: the rest of the file is still read
        "text.jsonl#11": "article",
    }


def test_invisible_and_control_characters_are_removed():
    recs = list(read_input(str(HOSTILE / "text.jsonl"), SourceConfig()))
    ctrl, surrogate, punct, title_only = recs[0], recs[1], recs[2], recs[3]
    assert ctrl["title"] == "Contrôle des[31m caractères"
    assert ctrl["text"].split("\n\n")[1].startswith("Le gouvernement a annoncé une réforme.")
    assert "\ud800" not in surrogate["title"] and surrogate["title"] == "Surrogate seul"
    assert punct["text"] == "!!! ... ??? --- ;;; ::: ***"
    assert title_only["text"] == title_only["title"]
    from transforms.language import detect_language

    assert detect_language(punct["text"]).reason == "too_short"


def test_other_text_files():
    assert _outcomes(HOSTILE / "invalid_utf8.txt") == {"invalid_utf8.txt": "undecodable"}
    assert _outcomes(HOSTILE / "punctuation.txt") == {"punctuation.txt": "article"}
    assert _outcomes(HOSTILE / "empty_article.jsonl") == {"empty_article.jsonl#0": "empty_article"}
    assert _outcomes(HOSTILE / "title_only.rss") == {"title_only.rss#0": "article", "title_only.rss#1": "empty_article"}


def test_a_50_mb_article_is_rejected_too_large_in_bounded_memory(tmp_path):
    """Rule: an input file over --max_input_bytes (default 20 MB) is one `too_large` reject;
    only max_bytes + 1 bytes are ever read."""
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.write("Un article démesuré\n".encode())
        para = ("Le ministre a parlé longuement devant l'Assemblée nationale. " * 40 + "\n\n").encode()
        for _ in range(50_000_000 // len(para) + 1):
            fh.write(para)
    assert big.stat().st_size > 50_000_000
    [rec] = bounded(lambda: list(read_input(str(big), SourceConfig())), 10, 45_000_000)
    assert rec[REJECT_TAG]["reason"] == "too_large"


def test_a_50_mb_jsonl_line_is_one_reject_and_the_file_goes_on(tmp_path):
    path = tmp_path / "big.jsonl"
    body = "Le ministre a parlé. " * (50_000_000 // 21)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"url": "https://exemple.fr/a", "title": "Avant", "text": "Le ministre a parlé."}) + "\n")
        fh.write(json.dumps({"url": "https://exemple.fr/huge", "title": "Énorme", "text": body}) + "\n")
        fh.write(json.dumps({"url": "https://exemple.fr/b", "title": "Après", "text": "Le ministre a répondu."}) + "\n")
    recs = bounded(lambda: list(read_input(str(path), SourceConfig())), 10, 70_000_000)
    assert [r[REJECT_TAG]["reason"] if REJECT_TAG in r else r["title"] for r in recs] == ["Avant", "too_large", "Après"]
    assert recs[1][REJECT_TAG]["input_ref"].endswith("big.jsonl#1")


def test_jsonl_files_larger_than_the_cap_are_streamed(tmp_path):
    path = tmp_path / "many.jsonl"
    text = "Le ministre a parlé. " * 40
    lines = [json.dumps({"url": f"https://exemple.fr/{i}", "title": f"Article {i}", "text": text}) for i in range(300)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 200_000
    recs = list(read_input(str(path), SourceConfig(max_bytes=100_000)))
    assert len(recs) == 300 and all(REJECT_TAG not in r for r in recs)


def test_long_articles_are_cut_at_a_paragraph_and_flagged(tmp_path):
    para = "Le ministre a répondu aux questions des députés pendant la séance. " * 30
    text = "\n\n".join([para] * (1_500_000 // len(para)))
    path = tmp_path / "long.jsonl"
    record = {"url": "https://exemple.fr/long", "title": "Long", "text": text}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [art] = read_input(str(path), SourceConfig())
    assert art["truncated"] is True
    assert MAX_TEXT_CHARS // 2 < len(art["text"]) <= MAX_TEXT_CHARS
    assert art["text"].endswith(para.strip())  # cut between paragraphs
    from transforms.nlp import prepare

    assert prepare(art["text"])[1] is True  # the parse stage keeps the flag (it reads even less)
    short, cut = cut_text("abc", 10)
    assert (short, cut) == ("abc", False)


def test_non_utf8_file_names_give_valid_rows(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as fh:
        fh.write("Un titre\nLe ministre a parlé à Paris.".encode())
    [ref] = [p for p in os.listdir(tmp_path) if p.startswith("caf")]
    [art] = read_input(str(tmp_path / ref), SourceConfig())
    _strings_are_utf8(art)
    assert "\ufffd" in art["input_ref"]
    ARTICLES.to_table([{**art, "language": "fr", "language_prob": 1.0, "word_count": 1, "sentence_count": 1}])
    [rej] = read_input(str(tmp_path / ref) + ".missing.txt", SourceConfig())
    REJECTS.to_table([rej[REJECT_TAG]])


def test_strip_html_is_linear_on_pathological_markup():
    """html.parser needs minutes for "<a " * 300,000; this must take well under a second."""
    for sample in ("<a " * 300_000, "<!--" * 200_000, "<![CDATA[" * 100_000, "<p>a<" * 200_000,
                   "<script>" * 100_000, "&" * 500_000, "<" * 1_000_000):
        start = time.monotonic()
        strip_html(sample)
        assert time.monotonic() - start < 2, sample[:12]


def test_strip_html_basics():
    assert clean_text("<p>Un</p><script>x<y</script><style>p{}</style><!-- c --><p>deux&nbsp;&amp; trois</p>") == \
        "Un\n\ndeux & trois"
    assert clean_text("<![CDATA[a <b> c]]> d") == "a <b> c d"
    assert clean_text("x <!-- never closed") == "x"
    assert clean_text("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2"


# --------------------------------------------------------------------------- dates


def test_hostile_feed_dates_follow_the_rule():
    recs = list(read_input(str(HOSTILE / "dates.rss"), SourceConfig()))
    got = {r["title"].split("(")[1].rstrip(")"): (r["published_at"], r["published_at_status"]) for r in recs}
    jan21 = dt.datetime(2022, 1, 21, 10, tzinfo=UTC)
    assert got["deux chiffres"] == (jan21, "ok")
    assert got["décalage +0009"] == (None, "invalid")
    assert got["décalage +2500"] == (None, "invalid")
    assert got["heure d'Europe centrale"] == (jan21 - dt.timedelta(hours=1), "ok")
    assert got["futur"][1] == "future" and got["futur"][0].year == 2099
    assert got["sans date"] == (None, "missing")
    assert got["date impossible"] == (None, "invalid")
    assert got["fuseau inconnu"] == (jan21, "ok")  # unknown zone names are taken as UTC
    assert got["30 février"] == (None, "invalid")


@pytest.mark.parametrize(("raw", "expected"), [
    ("Fri, 21 Jan 22 10:00:00 GMT", (dt.datetime(2022, 1, 21, 10, tzinfo=UTC), "ok")),
    ("Thu, 21 Jan 99 10:00:00 GMT", (dt.datetime(1999, 1, 21, 10, tzinfo=UTC), "ok")),
    ("21 Jan 23 10:00 +0100", (dt.datetime(2023, 1, 21, 9, tzinfo=UTC), "future")),  # 2023 <= 2022 + 1
    ("21 Jan 24 10:00 +0100", (None, "invalid")),  # 2024 > 2022 + 1, so 1924: before 1990
    ("21 Jan 89 10:00 GMT", (None, "invalid")),  # 1989
    ("Fri, 21 Jan 2022 10:00:00 +0009", (None, "invalid")),
    ("2022-01-21T10:00:00+00:09", (None, "invalid")),
    ("2022-01-21T10:00:00+14:30", (None, "invalid")),
    ("2022-01-21T10:00:00+05:45", (dt.datetime(2022, 1, 21, 4, 15, tzinfo=UTC), "ok")),
    ("2022-01-21T10:00:00-14:00", (dt.datetime(2022, 1, 22, tzinfo=UTC), "ok")),
    ("Fri, 21 Jan 2022 10:00:00 CEST", (dt.datetime(2022, 1, 21, 8, tzinfo=UTC), "ok")),
    ("Ven, 21 janv. 2022 10:00:00 +0100", (dt.datetime(2022, 1, 21, 9, tzinfo=UTC), "ok")),
    ("21 janvier 2022 10h30", (dt.datetime(2022, 1, 21, 10, 30, tzinfo=UTC), "ok")),
    ("2022-01-21", (dt.datetime(2022, 1, 21, tzinfo=UTC), "ok")),
    ("2022-02-02T00:00:00Z", (dt.datetime(2022, 2, 2, tzinfo=UTC), "ok")),  # one day ahead: still ok
    ("2022-02-02T00:00:01+00:00 ", (dt.datetime(2022, 2, 2, 0, 0, 1, tzinfo=UTC), "future")),
    ("2022-02-03T00:00:00Z", (dt.datetime(2022, 2, 3, tzinfo=UTC), "future")),
    ("9999-12-31T23:59:59-14:00", (None, "invalid")),
    ("Fri, 21 Jan 2022 25:61:00 GMT", (None, "invalid")),
    ("21/01/2022", (None, "invalid")),
    ("1642759200", (None, "invalid")),
    ("2022" * 100, (None, "invalid")),
    ("", (None, "missing")),
    (None, (None, "missing")),
])
def test_date_rule(raw, expected):
    assert parse_date(raw, NOW) == expected


def test_two_digit_years_slide_with_now():
    assert two_digit_year(22, NOW) == 2022 and two_digit_year(23, NOW) == 2023 and two_digit_year(24, NOW) == 1924
    assert two_digit_year(99, NOW) == 1999 and two_digit_year(0, NOW) == 2000


def test_feedparser_value_is_a_fallback_only():
    st_ = time.gmtime(calendar.timegm((2022, 1, 21, 10, 0, 0, 0, 0, 0)))
    # our parser cannot read "22-01-21": feedparser's reading is used
    assert from_struct_time(st_, "22-01-21", NOW) == (dt.datetime(2022, 1, 21, 10, tzinfo=UTC), "ok")
    assert from_struct_time(st_, "Fri, 21 Jan 2022 10:00:00 +2500", NOW) == (None, "invalid")
    assert from_struct_time(None, None, NOW) == (None, "missing")
    assert from_struct_time(st_, None, NOW)[1] == "ok"


# --------------------------------------------------------------------------- fuzzing


@FUZZ
@given(st.text())
def test_fuzz_clean_text(value):
    out = clean_text(value)
    out.encode("utf-8")
    assert not _INVISIBLE.search(out)
    assert out == out.strip()


@FUZZ
@given(st.text(alphabet="<>/!-[]CDATascript &;#x0123\n\"'=pbr"))
def test_fuzz_strip_html_on_markup_soup(value):
    strip_html(value)
    clean_text(value).encode("utf-8")


@FUZZ
@given(st.one_of(st.text(), st.from_regex(
    r"\A([A-Z][a-z]{2}, )?\d{1,2} [A-Za-z]{3,8} \d{2,4} \d{1,2}:\d{2}(:\d{2})? ?([A-Z]{1,5}|[+-]\d{4})?\Z"),
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?\Z")))
def test_fuzz_parse_date(raw):
    value, status = parse_date(raw, NOW)
    assert status in ("ok", "invalid", "future", "missing")
    if status in ("ok", "future"):
        assert value is not None and value.tzinfo is not None and value.utcoffset() == dt.timedelta(0)
        assert value >= EARLIEST
        assert (value > NOW + dt.timedelta(days=1)) == (status == "future")
        partition_day(value, status, NOW)
    else:
        assert value is None


@FUZZ
@given(st.datetimes(min_value=dt.datetime(1990, 1, 2), max_value=dt.datetime(2022, 1, 30)),
       st.integers(min_value=-56, max_value=56), st.sampled_from(["iso", "rfc"]))
def test_fuzz_real_offsets_round_trip(when, quarters, style):
    offset = dt.timedelta(minutes=15 * quarters)
    local = when.replace(microsecond=0, tzinfo=dt.timezone(offset))
    sign = "-" if offset < dt.timedelta(0) else "+"
    hh, mm = divmod(int(abs(offset).total_seconds()) // 60, 60)
    if style == "iso":
        raw = local.strftime("%Y-%m-%dT%H:%M:%S") + f"{sign}{hh:02d}:{mm:02d}"
    else:
        raw = local.strftime("%a, %d %b %Y %H:%M:%S ") + f"{sign}{hh:02d}{mm:02d}"
    assert parse_date(raw, NOW) == (local.astimezone(UTC), "ok")


@FUZZ
@given(st.one_of(st.none(), st.tuples(*[st.integers(-10**6, 10**6)] * 9)), st.one_of(st.none(), st.text()))
def test_fuzz_from_struct_time(tup, raw):
    struct = time.struct_time(tup) if tup else None
    value, status = from_struct_time(struct, raw, NOW)
    assert status in ("ok", "invalid", "future", "missing") and (value is None) == (status in ("invalid", "missing"))


@FUZZ
@given(st.text())
def test_fuzz_urls_and_ids(url):
    canon = canonical_url(url)
    stable_id(canon, url)


@FUZZ
@given(st.fixed_dictionaries({k: st.one_of(st.text(), st.none()) for k in
                              ("url", "title", "body", "published_raw", "source", "feed_url")}))
def test_fuzz_make_article(fields):
    art = make_article(input_ref="fuzz#0", ingested_at=NOW, **fields)
    if art is not None:
        _valid(art)
        ARTICLES.to_table([{**art, "language": "fr", "language_prob": 1.0, "word_count": 1, "sentence_count": 1}])


@FUZZ
@given(st.one_of(st.text(), st.dictionaries(st.sampled_from(["url", "title", "text", "published", "source"]),
                                            st.one_of(st.text(), st.integers(), st.none(), st.lists(st.text())))
                 .map(json.dumps)))
def test_fuzz_jsonl_line(line):
    rec = _jsonl_item(line, "fuzz.jsonl#0", NOW)
    _valid(rec)


_FEED = (SAMPLES / "feed.xml").read_bytes()


@FUZZ
@given(st.one_of(
    st.binary(max_size=2000),
    st.tuples(st.integers(0, len(_FEED)), st.integers(0, 200), st.binary(max_size=50))
      .map(lambda t: _FEED[:t[0]] + t[2] + _FEED[t[0] + t[1]:]),
    st.integers(0, len(_FEED)).map(lambda n: _FEED[:n]),
))
def test_fuzz_parse_feed(data):
    recs = list(parse_feed(data, "fuzz.xml", NOW))
    assert recs
    for rec in recs:
        _valid(rec)
    if REJECT_TAG in recs[0]:
        REJECTS.to_table([recs[0][REJECT_TAG]])


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([".xml", ".rss", ".jsonl", ".txt", ".html", ".bin", ""]))
def test_fuzz_read_input_on_any_file(tmp_path_factory, data, ext):
    path = tmp_path_factory.mktemp("fuzz") / f"input{ext}"
    path.write_bytes(data)
    recs = list(read_input(str(path), SourceConfig(max_bytes=2500)))
    assert recs
    for rec in recs:
        _valid(rec)


def test_reject_and_article_rows_always_fit_the_schemas():
    """Everything the hostile fixtures produce converts to Arrow with the table schemas."""
    for path in sorted(HOSTILE.iterdir()):
        for rec in read_input(str(path), SourceConfig()):
            if REJECT_TAG in rec:
                REJECTS.to_table([rec[REJECT_TAG]])
            else:
                t = ARTICLES.to_table([{**rec, "language": "fr", "language_prob": 1.0, "word_count": 1,
                                        "sentence_count": 1}])
                assert isinstance(t, pa.Table)
