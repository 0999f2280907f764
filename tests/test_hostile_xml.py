"""Hostile XML: entity expansion and external entities are never expanded, in any encoding,
and refusing them costs bounded time and memory."""

from __future__ import annotations

import feedparser
import pytest

from tests.conftest import FIXTURES, SAMPLES, bounded
from transforms.rejects import REJECT_TAG
from transforms.sources import SourceConfig, declares_entities, looks_like_html, read_input

HOSTILE = FIXTURES / "hostile"
FEED = (SAMPLES / "feed.xml").read_bytes()


def quadratic_blowup(entity_kb: int = 100, refs: int = 20_000) -> bytes:
    """One big internal entity referenced many times: 2 GB of text from a 160 kB file.
    (Measured: feedparser alone spends 35 s and 5.8 GB expanding this one.)"""
    return (b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY a "' + b"A" * (entity_kb * 1024) + b'">\n]>\n'
            b'<rss version="2.0"><channel><item><title>' + b"&a;" * refs + b"</title></item></channel></rss>")


def _only_reject(recs: list[dict]) -> dict:
    assert len(recs) == 1 and REJECT_TAG in recs[0], recs
    return recs[0][REJECT_TAG]


@pytest.mark.parametrize("name", ["billion_laughs.rss", "billion_laughs_utf16.rss", "xxe_file.rss",
                                  "xxe_parameter.rss"])
def test_entity_fixtures_are_rejected_unparsed(name):
    rej = _only_reject(bounded(lambda: list(read_input(str(HOSTILE / name), SourceConfig()))))
    assert rej["reason"] == "xml_entities" and rej["stage"] == "source"
    assert "root:" not in (rej["excerpt"] or "")  # nothing from /etc/passwd


def _variants() -> dict[str, bytes]:
    laughs = (HOSTILE / "billion_laughs.rss").read_text(encoding="utf-8")
    xxe = (HOSTILE / "xxe_file.rss").read_text(encoding="utf-8")
    return {
        "quadratic": quadratic_blowup(),
        "one_line": laughs.replace("\n", "").encode(),
        "utf16be_no_bom": laughs.encode("utf-16-be"),
        "utf32": laughs.encode("utf-32"),
        "ebcdic": laughs.replace('version="1.0"', 'version="1.0" encoding="cp037"').encode("cp037"),
        "utf7": laughs.replace('version="1.0"', 'version="1.0" encoding="utf-7"').encode("utf-7"),
        "lower_case": laughs.replace("<!ENTITY", "<!entity").encode(),
        "xxe_http": xxe.replace("file:///etc/passwd", "http://127.0.0.1:9/x").encode(),
        "xxe_no_doctype_newlines": xxe.replace("\n", " ").encode(),
    }


@pytest.mark.parametrize("variant", list(_variants()))
def test_entity_declarations_are_found_in_any_encoding(variant, tmp_path):
    data = _variants()[variant]
    assert declares_entities(data)
    path = tmp_path / "feed.xml"
    path.write_bytes(data)
    rej = _only_reject(bounded(lambda: list(read_input(str(path), SourceConfig()))))
    assert rej["reason"] == "xml_entities"


def test_html_pages_declaring_entities_are_rejected_too(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><p>&x;</p></body></html>')
    assert _only_reject(list(read_input(str(page), SourceConfig())))["reason"] == "xml_entities"


def test_feedparser_itself_never_reads_external_entities():
    """Second line of defence, should the pre-scan miss one: feedparser (expat with external
    general entities off) leaves &xxe; unexpanded and reads no file."""
    doc = (HOSTILE / "xxe_file.rss").read_bytes()
    parsed = bounded(lambda: feedparser.parse(doc))
    text = repr(parsed.get("entries")) + repr(parsed.get("feed"))
    assert "root:" not in text


def test_a_doctype_without_entities_is_fine():
    body = FEED.replace(b'<rss version="2.0">',
                        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
                        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="2.0">', 1)
    assert not declares_entities(body) and not looks_like_html(body)


def test_text_mentioning_entities_escaped_is_not_a_declaration():
    body = FEED.replace(b"<title>Kiev", b"<title>&lt;!ENTITY&gt; Kiev", 1)
    assert not declares_entities(body)


def test_html_challenge_page_saved_as_xml_is_not_a_feed():
    rej = _only_reject(list(read_input(str(HOSTILE / "challenge.xml"), SourceConfig())))
    assert rej["reason"] == "not_a_feed" and "Just a moment" in rej["excerpt"]


def test_truncated_xml_keeps_what_can_be_read():
    recs = list(read_input(str(HOSTILE / "truncated.rss"), SourceConfig()))
    assert recs and all(REJECT_TAG not in r for r in recs)
    assert recs[0]["published_at_status"] == "ok"
    assert [r["input_ref"].rsplit("#", 1)[1] for r in recs] == ["0", "1"]


@pytest.mark.parametrize("name", ["windows1252.rss", "mislabeled_encoding.rss"])
def test_feed_encodings_declared_or_wrong_are_decoded(name):
    [art] = read_input(str(HOSTILE / name), SourceConfig())
    assert REJECT_TAG not in art
    assert "à" in art["text"] and "\ufffd" not in art["text"]


def test_deeply_nested_and_oversized_markup_is_bounded(tmp_path):
    """Tens of thousands of nested elements or unclosed tags: time stays bounded (linear:
    memory is bounded by the byte cap), the item is an article or a reject."""
    cases = {
        "nested.xml": b'<rss version="2.0"><channel><item><title>t</title><description>'
                      + b"&lt;div&gt;" * 20_000 + b"fin</description></item></channel></rss>",
        "deep_xml.xml": b'<rss version="2.0"><channel><item><title>t</title>' + b"<x>" * 20_000
                        + b"</item></channel></rss>",
        "unclosed.xml": b'<rss version="2.0"><channel><item><title>t</title><description><![CDATA['
                        + b"<a " * 100_000 + b"]]></description></item></channel></rss>",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        recs = bounded(lambda p=path: list(read_input(str(p), SourceConfig())), seconds=10, peak_bytes=None)
        assert recs, name
        for r in recs:
            assert REJECT_TAG in r or r["text"], name
