"""Sources: feeds (URL or file) and article files to article records or rejects.

Plain functions do the work (`read_input` yields articles and rejects for one
input reference); `ReadArticles` is the Beam composite. An input item is a
feed entry, a JSONL line, or a whole .txt/.html file; a feed or file that
fails as a whole is one item, rejected with a reason.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics

from schemas import SCHEMA_VERSION
from transforms.dates import from_struct_time, now_utc, parse_date
from transforms.rejects import REJECT_TAG, make_reject
from transforms.text import canonical_url, clean_text, stable_id

LOG = logging.getLogger(__name__)

FEED_EXTS = (".xml", ".rss", ".atom", ".feed", ".rdf")
TEXT_EXTS = (".txt",)
JSONL_EXTS = (".jsonl", ".ndjson")
HTML_EXTS = (".html", ".htm")
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
USER_AGENT = "vigie/0.1 (+https://github.com/vigie-events/vigie; French news event data)"


@dataclass(frozen=True)
class SourceConfig:
    """Limits for reading inputs (set from the command line)."""

    timeout_s: float = 20.0
    max_bytes: int = 20_000_000


def is_url(ref: str) -> bool:
    return ref.lower().startswith(("http://", "https://"))


# --------------------------------------------------------------------------- expanding


def expand_input(spec: str) -> list[str]:
    """A URL stays itself; a path or glob becomes the sorted files it matches."""
    if is_url(spec):
        return [spec]
    try:
        result = FileSystems.match([spec])[0]
        paths = sorted(m.path for m in result.metadata_list)
    except Exception:  # noqa: BLE001 - FileSystems raises several kinds
        paths = []
    return [p for p in paths if not os.path.basename(p).startswith(".")]


# --------------------------------------------------------------------------- records


def make_article(*, input_ref: str, url: str | None, title: str | None, body: str | None,
                 published_raw: str | None = None, published: tuple[dt.datetime | None, str] | None = None,
                 source: str | None = None, feed_url: str | None = None,
                 ingested_at: dt.datetime) -> dict[str, Any] | None:
    """The article record, or None when there is no text at all."""
    title_c = clean_text(title)
    body_c = clean_text(body)
    if body_c.startswith(title_c) and title_c:
        body_c = body_c[len(title_c):].lstrip()
    text = "\n\n".join(t for t in (title_c, body_c) if t)
    if not text:
        return None
    canon = canonical_url(url)
    published_at, status = published if published is not None else parse_date(published_raw)
    return {
        "article_id": stable_id(canon) if canon else stable_id(title_c, body_c),
        "url": url or None,
        "canonical_url": canon,
        "source": source or (urlsplit(url).netloc if url and is_url(url) else None),
        "feed_url": feed_url,
        "input_ref": input_ref,
        "title": title_c or None,
        "text": text,
        "published_at": published_at,
        "published_at_status": status,
        "ingested_at": ingested_at,
        "schema_version": SCHEMA_VERSION,
    }


def _article_or_reject(ref: str, text_hint: str | None, **kw: Any) -> dict[str, Any]:
    art = make_article(input_ref=ref, **kw)
    if art is None:
        return {REJECT_TAG: make_reject(ref, "source", "empty_article", "no title and no text",
                                        text=text_hint)}
    return art


# --------------------------------------------------------------------------- fetching


class FetchError(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def fetch_url(url: str, cfg: SourceConfig) -> bytes:
    """GET a feed with a timeout and a size cap; raises FetchError with a reason."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
    try:
        with urllib.request.urlopen(req, timeout=cfg.timeout_s) as resp:  # noqa: S310 - scheme checked
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > cfg.max_bytes:
                raise FetchError("too_large", f"Content-Length {length} > cap {cfg.max_bytes}")
            data = resp.read(cfg.max_bytes + 1)
    except FetchError:
        raise
    except urllib.error.HTTPError as e:
        raise FetchError("fetch_failed", f"HTTP {e.code} {e.reason}") from e
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise FetchError("fetch_failed", f"{type(e).__name__}: {e}") from e
    if len(data) > cfg.max_bytes:
        raise FetchError("too_large", f"body larger than cap {cfg.max_bytes} bytes")
    return data


def read_bytes(path: str, cfg: SourceConfig) -> bytes:
    with FileSystems.open(path, compression_type="uncompressed") as fh:
        data = fh.read(cfg.max_bytes + 1)
    if len(data) > cfg.max_bytes:
        raise FetchError("too_large", f"file larger than cap {cfg.max_bytes} bytes")
    return data


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM allowed) or UTF-16 with BOM; anything else raises UnicodeDecodeError.

    We do not guess legacy encodings for article files: a wrong guess would
    put mojibake in the tables, so such a file is rejected as `undecodable`.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


# --------------------------------------------------------------------------- parsers


def parse_feed(data: bytes, ref: str, ingested_at: dt.datetime) -> Iterator[dict[str, Any]]:
    """Feed bytes to articles (one per entry) or a single reject for the feed."""
    import feedparser

    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except Exception as e:  # noqa: BLE001 - feedparser can raise on pathological input
        yield {REJECT_TAG: make_reject(ref, "source", "malformed_feed", f"{type(e).__name__}: {e}")}
        return
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            detail = f"{type(exc).__name__}: {exc}" if exc else "not a feed"
            yield {REJECT_TAG: make_reject(ref, "source", "malformed_feed", detail,
                                           text=data[:300].decode("utf-8", "replace"))}
        else:
            yield {REJECT_TAG: make_reject(ref, "source", "empty_feed", "feed has no items")}
        return
    feed = parsed.get("feed") or {}
    outlet = clean_text(feed.get("title")) or None
    for n, entry in enumerate(entries):
        item_ref = f"{ref}#{n}"
        contents = entry.get("content") or []
        body = contents[0].get("value") if contents else None
        body = body or entry.get("summary") or entry.get("description")
        raw_date = entry.get("published") or entry.get("updated")
        st = entry.get("published_parsed") or entry.get("updated_parsed")
        yield _article_or_reject(
            item_ref, entry.get("title"),
            url=entry.get("link"), title=entry.get("title"), body=body,
            published=from_struct_time(st, raw_date), source=outlet, feed_url=ref,
            ingested_at=ingested_at,
        )


def parse_jsonl(text: str, ref: str, ingested_at: dt.datetime) -> Iterator[dict[str, Any]]:
    """One article per non-blank line: fields url, title, text, published, source."""
    n = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        item_ref = f"{ref}#{n}"
        n += 1
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield {REJECT_TAG: make_reject(item_ref, "source", "invalid_json", str(e), text=line)}
            continue
        if not isinstance(obj, dict) or not all(
            isinstance(obj.get(k), (str, type(None))) for k in ("url", "title", "text", "source")
        ):
            yield {REJECT_TAG: make_reject(item_ref, "source", "invalid_record",
                                           "expected an object with string fields", text=line)}
            continue
        published = obj.get("published") or obj.get("published_at") or obj.get("date")
        yield _article_or_reject(
            item_ref, line,
            url=obj.get("url"), title=obj.get("title"), body=obj.get("text"),
            published_raw=str(published) if published is not None else None,
            source=obj.get("source"), ingested_at=ingested_at,
        )
    if n == 0:
        yield {REJECT_TAG: make_reject(ref, "source", "empty_input", "no JSON lines")}


def parse_txt(text: str, ref: str, ingested_at: dt.datetime) -> Iterator[dict[str, Any]]:
    """First non-blank line is the title, the rest the body; no date in a .txt."""
    lines = text.strip().split("\n", 1)
    title = lines[0]
    body = lines[1] if len(lines) > 1 else ""
    yield _article_or_reject(ref, text, url=None, title=title, body=body, published_raw=None,
                             source=None, ingested_at=ingested_at)


def parse_html(data: bytes, ref: str, ingested_at: dt.datetime) -> Iterator[dict[str, Any]]:
    """Main text and metadata of a web page, with trafilatura."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(data, with_metadata=True, as_dict=True,
                                          include_comments=False)
    except Exception as e:  # noqa: BLE001 - third-party extractor
        yield {REJECT_TAG: make_reject(ref, "source", "extraction_failed", f"{type(e).__name__}: {e}")}
        return
    if not doc or not (doc.get("text") or doc.get("title")):
        yield {REJECT_TAG: make_reject(ref, "source", "extraction_failed", "no main text found",
                                       text=data[:300].decode("utf-8", "replace"))}
        return
    yield _article_or_reject(
        ref, None, url=doc.get("url"), title=doc.get("title"), body=doc.get("text"),
        published_raw=doc.get("date"), source=doc.get("sitename") or doc.get("hostname"),
        ingested_at=ingested_at,
    )


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<rdf" in head


def read_input(ref: str, cfg: SourceConfig, ingested_at: dt.datetime | None = None
               ) -> Iterator[dict[str, Any]]:
    """All articles and rejects from one URL or file. Never raises for bad input."""
    ingested_at = ingested_at or now_utc()
    try:
        data = fetch_url(ref, cfg) if is_url(ref) else read_bytes(ref, cfg)
    except FetchError as e:
        yield {REJECT_TAG: make_reject(ref, "source", e.reason, str(e))}
        return
    except (OSError, ValueError) as e:
        yield {REJECT_TAG: make_reject(ref, "source", "fetch_failed", f"{type(e).__name__}: {e}")}
        return
    if not data.strip():
        yield {REJECT_TAG: make_reject(ref, "source", "empty_input", "no content")}
        return
    name = urlsplit(ref).path.lower() if is_url(ref) else ref.lower()
    try:
        if is_url(ref) or name.endswith(FEED_EXTS):
            yield from parse_feed(data, ref, ingested_at)
        elif name.endswith(HTML_EXTS):
            yield from parse_html(data, ref, ingested_at)
        elif name.endswith(JSONL_EXTS + TEXT_EXTS):
            try:
                text = decode_text(data)
            except UnicodeDecodeError as e:
                yield {REJECT_TAG: make_reject(ref, "source", "undecodable", str(e))}
                return
            parser = parse_jsonl if name.endswith(JSONL_EXTS) else parse_txt
            yield from parser(text, ref, ingested_at)
        elif _looks_like_feed(data):
            yield from parse_feed(data, ref, ingested_at)
        else:
            yield {REJECT_TAG: make_reject(ref, "source", "unsupported_format",
                                           "expected a feed, .txt, .jsonl or .html file")}
    except Exception as e:  # noqa: BLE001 - one bad input never fails the job
        LOG.warning("source %s failed: %s", ref, e)
        yield {REJECT_TAG: make_reject(ref, "source", "extraction_failed", f"{type(e).__name__}: {e}")}


# --------------------------------------------------------------------------- Beam


class _ExpandInputs(beam.DoFn):
    def process(self, spec: str) -> Iterable[Any]:
        refs = expand_input(spec)
        if not refs:
            Metrics.counter("source", "no_such_input").inc()
            yield beam.pvalue.TaggedOutput(
                REJECT_TAG, make_reject(spec, "source", "no_such_input", "no file matches this path or glob"))
        yield from refs


class _ReadInput(beam.DoFn):
    def __init__(self, cfg: SourceConfig) -> None:
        self.cfg = cfg
        self.items = Metrics.counter("source", "items_read")

    def process(self, ref: str) -> Iterable[Any]:
        for rec in read_input(ref, self.cfg):
            self.items.inc()
            if REJECT_TAG in rec:
                Metrics.counter("rejected", rec[REJECT_TAG]["reason"]).inc()
                yield beam.pvalue.TaggedOutput(REJECT_TAG, rec[REJECT_TAG])
            else:
                yield rec


class ReadArticles(beam.PTransform):
    """Input specs (URLs, files, globs) to article records; main output + `rejects`."""

    def __init__(self, specs: list[str], cfg: SourceConfig) -> None:
        super().__init__()
        self.specs = specs
        self.cfg = cfg

    def expand(self, pbegin: beam.pvalue.PBegin) -> beam.pvalue.DoOutputsTuple:
        expanded = (
            pbegin
            | "Specs" >> beam.Create(self.specs)
            | "Expand" >> beam.ParDo(_ExpandInputs()).with_outputs(REJECT_TAG, main="refs")
        )
        read = (
            expanded.refs
            | "Spread" >> beam.Reshuffle()
            | "Read" >> beam.ParDo(_ReadInput(self.cfg)).with_outputs(REJECT_TAG, main="articles")
        )
        rejects = (expanded[REJECT_TAG], read[REJECT_TAG]) | "SourceRejects" >> beam.Flatten()
        return read.articles, rejects
