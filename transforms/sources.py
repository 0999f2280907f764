"""Sources: feeds (URL or file) and article files to article records or rejects.

Plain functions do the work (`read_input` yields articles and rejects for one
input reference); `ReadArticles` is the Beam composite. An input item is a
feed entry, a JSONL line, or a whole .txt/.html file; a feed or file that
fails as a whole is one item, rejected with a reason. Nothing here raises for
bad input: every failure is a reject with a reason from `rejects.REASONS`.

Hostile input, and what stops it (README, "Hostile input"):
- network: one total deadline per fetch (DNS, connect, redirects, headers and
  body: a slow-loris server cannot hold a worker), a byte cap on the body and
  on its decompressed size (gzip/deflate bombs), at most MAX_REDIRECTS
  redirects and only to http/https, no loops; hosts that resolve to loopback,
  private, link-local or reserved addresses, and file:// URLs, are refused
  unless `allow_private_hosts` (--allow_private_hosts) is set; the address
  checked is the address connected to (no DNS rebinding between the two);
- documents: a feed or page that declares XML entities (billion laughs,
  quadratic blow-up, external entities) is rejected before any parser sees
  it; feedparser gets bytes in a BytesIO (a bare byte string that happens to
  be a path would be opened as a file by feedparser); an HTML page where a
  feed was expected (challenge, login or error page) is `not_a_feed`;
- text: every string is valid UTF-8 when it leaves (lone surrogates become
  U+FFFD), HTML is stripped in linear time, an article's text is at most
  text.MAX_TEXT_CHARS characters (cut at a paragraph, flagged `truncated`);
  JSONL files are streamed line by line, each line capped at `max_bytes`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import io
import ipaddress
import json
import logging
import os
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urljoin, urlsplit
from urllib.request import url2pathname

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics

from schemas import SCHEMA_VERSION
from transforms.dates import from_struct_time, now_utc, parse_date
from transforms.rejects import REJECT_TAG, make_reject
from transforms.text import MAX_TEXT_CHARS, canonical_url, clean_text, cut_text, safe_str, stable_id

LOG = logging.getLogger(__name__)

FEED_EXTS = (".xml", ".rss", ".atom", ".feed", ".rdf")
TEXT_EXTS = (".txt",)
JSONL_EXTS = (".jsonl", ".ndjson")
HTML_EXTS = (".html", ".htm")
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
USER_AGENT = "vigie/0.1 (+https://github.com/vigie-events/vigie; French news event data)"
MAX_REDIRECTS = 5
# Schemes read through Beam's FileSystems (bucket paths), besides plain local paths.
BEAM_SCHEMES = ("gs", "s3", "hdfs", "azfs")
# Content types that are never a feed: refused before the body is read.
NOT_FEED_TYPES = ("image/", "audio/", "video/", "font/", "multipart/", "application/pdf", "application/zip")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class SourceConfig:
    """Limits for reading inputs (set from the command line)."""

    timeout_s: float = 20.0  # total time for one fetch: DNS, connect, redirects, headers, body
    max_bytes: int = 20_000_000  # largest file, body, decompressed body or JSONL line
    allow_private_hosts: bool = False  # fetch loopback/private addresses and file:// URLs
    max_redirects: int = MAX_REDIRECTS


_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def url_scheme(ref: str) -> str | None:
    """`http`, `file`, `gs`… for `scheme://…` references; None for plain paths."""
    m = _URL_SCHEME.match(ref)
    return m.group(1).lower() if m else None


def is_url(ref: str) -> bool:
    return url_scheme(ref) in ("http", "https")


# --------------------------------------------------------------------------- expanding


def expand_input(spec: str) -> list[str]:
    """A URL stays itself; a path or glob becomes the sorted files it matches.

    file:// and unknown schemes stay themselves too: `read_input` refuses or
    reads them by the configured policy (a glob is never expanded for them).
    """
    scheme = url_scheme(spec)
    if scheme is not None and scheme not in BEAM_SCHEMES:
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
    """The article record, or None when there is no text at all.

    Text longer than MAX_TEXT_CHARS is cut at a paragraph and flagged
    `truncated` (the parse stage then flags it too: it reads fewer characters).
    """
    title_c = clean_text(title)
    body_c = clean_text(body)
    if body_c.startswith(title_c) and title_c:
        body_c = body_c[len(title_c):].lstrip()
    full = "\n\n".join(t for t in (title_c, body_c) if t)
    if not full:
        return None
    text, truncated = cut_text(full, MAX_TEXT_CHARS)
    title_c, _ = cut_text(title_c, MAX_TEXT_CHARS)
    url = safe_str(url.strip()) if isinstance(url, str) and url.strip() else None
    canon = canonical_url(url)
    published_at, status = published if published is not None else parse_date(published_raw)
    return {
        "article_id": stable_id(canon) if canon else stable_id(title_c, body_c),
        "url": url,
        "canonical_url": safe_str(canon),
        "source": safe_str(source or (urlsplit(url).netloc if url and is_url(url) else None)),
        "feed_url": safe_str(feed_url),
        "input_ref": safe_str(input_ref),
        "title": title_c or None,
        "text": text,
        "truncated": truncated,
        "published_at": published_at,
        "published_at_status": status,
        "ingested_at": ingested_at,
        "schema_version": SCHEMA_VERSION,
    }


def _reject(ref: str, reason: str, detail: str | None = None, text: str | None = None) -> dict[str, Any]:
    return {REJECT_TAG: make_reject(ref, "source", reason, detail, text=text)}


def _article_or_reject(ref: str, text_hint: str | None, **kw: Any) -> dict[str, Any]:
    """One item: its article, or a reject saying why not. Never raises (a poison item is a reject)."""
    try:
        art = make_article(input_ref=ref, **kw)
    except Exception as e:  # noqa: BLE001 - one bad item never stops the others
        LOG.warning("item %s failed: %s: %s", ref, type(e).__name__, e)
        return _reject(ref, "extraction_failed", f"{type(e).__name__}: {e}", text_hint)
    if art is None:
        return _reject(ref, "empty_article", "no title and no text", text_hint)
    return art


def _head_text(data: bytes) -> str:
    return data[:300].decode("utf-8", "replace")


# --------------------------------------------------------------------------- fetching


class FetchError(Exception):
    def __init__(self, reason: str, detail: str, retry_after: str | None = None) -> None:
        super().__init__(detail)
        self.reason = reason
        self.retry_after = retry_after  # the server's Retry-After header (429, 503), for polling


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str | None
    url: str  # after redirects
    status: int = 200  # 304 when a conditional GET found the feed unchanged (data is empty)
    etag: str | None = None  # validators for the next conditional GET (streaming mode)
    last_modified: str | None = None


class _Deadline:
    """One time budget for a whole fetch. When it runs out, the current connection is shut
    down from a timer thread, whatever the socket is doing (a server sending one byte a
    second defeats per-read timeouts, never this)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._timer: threading.Timer | None = None
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()

    def error(self) -> FetchError:
        return FetchError("fetch_timeout", f"no complete answer within {self.seconds:g} s")

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0 or self.expired:
            self.expired = True
            raise self.error()
        return left

    def watch(self, sock: socket.socket) -> None:
        self.cancel()
        with self._lock:
            self._sock = sock.dup()  # shutdown() acts on the connection, whichever descriptor it is given
        self._timer = threading.Timer(self.remaining(), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.expired = True
        with self._lock:
            if self._sock is not None:
                with contextlib.suppress(OSError):
                    self._sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        with self._lock:
            if self._sock is not None:
                self._sock.close()
                self._sock = None


def address_refusal(ip: str) -> str | None:
    """Why an address is not fetched without --allow_private_hosts (None: a public address)."""
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return "unparseable"
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    for attr, label in (("is_loopback", "loopback"), ("is_unspecified", "unspecified"),
                        ("is_link_local", "link-local"), ("is_multicast", "multicast"),
                        ("is_private", "private"), ("is_reserved", "reserved")):
        if getattr(addr, attr):
            return label
    return None if addr.is_global else "non-public"


def _resolve(host: str, port: int, deadline: _Deadline) -> list[str]:
    """The host's addresses, within the deadline (getaddrinfo itself has no timeout)."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    box: dict[str, Any] = {}

    def lookup() -> None:
        try:
            box["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except Exception as e:  # noqa: BLE001 - gaierror, UnicodeError…
            box["error"] = e

    worker = threading.Thread(target=lookup, daemon=True)
    worker.start()
    worker.join(deadline.remaining())
    if worker.is_alive():
        raise FetchError("fetch_timeout", f"DNS lookup of {host} took more than {deadline.seconds:g} s")
    if "error" in box:
        raise FetchError("fetch_failed", f"cannot resolve {host}: {box['error']}")
    return list(dict.fromkeys(str(info[4][0]) for info in box["infos"]))


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to the address that was checked, not to whatever DNS answers next."""

    def __init__(self, host: str, port: int, addresses: list[str], deadline: _Deadline) -> None:
        super().__init__(host, port, timeout=deadline.remaining())
        self._addresses = addresses
        self._deadline = deadline

    def _tcp(self) -> socket.socket:
        error: OSError | None = None
        for address in self._addresses:
            try:
                sock = socket.create_connection((address, self.port), self._deadline.remaining())
            except OSError as e:
                error = e
                continue
            try:
                self._deadline.watch(sock)
            except BaseException:
                sock.close()
                raise
            return sock
        raise error or OSError("no address to connect to")

    def connect(self) -> None:
        self.sock = self._tcp()


class _PinnedHTTPS(_PinnedHTTP):
    default_port = http.client.HTTPS_PORT

    def __init__(self, host: str, port: int, addresses: list[str], deadline: _Deadline) -> None:
        super().__init__(host, port, addresses, deadline)
        self._tls = ssl.create_default_context()

    def connect(self) -> None:
        self.sock = self._tls.wrap_socket(self._tcp(), server_hostname=self.host)


class _Inflater:
    """gzip (several members allowed) or deflate (zlib-wrapped or raw, both seen in the wild),
    never producing more than the output cap asked for."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._obj: Any = None
        self._pending = b""

    def _start(self, head: bytes) -> None:
        if self.encoding == "gzip":
            wbits = 31
        else:
            zlib_header = (head[0] & 0x0F) == 8 and ((head[0] << 8) | head[1]) % 31 == 0
            wbits = 15 if zlib_header else -15
        self._obj = zlib.decompressobj(wbits)

    def decompress(self, chunk: bytes, max_length: int) -> bytes:
        data = self._pending + chunk
        self._pending = b""
        out = b""
        try:
            while data and len(out) < max_length:
                if self._obj is None or (self._obj.eof and self.encoding == "gzip"):
                    if len(data) < 2:
                        self._pending = data
                        break
                    self._start(data)
                elif self._obj.eof:
                    break  # deflate: bytes after the end of the stream are ignored
                out += self._obj.decompress(data, max_length - len(out))
                data = self._obj.unused_data if self._obj.eof else self._obj.unconsumed_tail
        except zlib.error as e:
            raise FetchError("fetch_failed", f"corrupt {self.encoding} body: {e}") from e
        return out

    @property
    def complete(self) -> bool:
        return self._obj is not None and self._obj.eof and not self._pending


def gunzip_capped(data: bytes, max_bytes: int) -> bytes:
    """Decompress a gzip body (sent without Content-Encoding) up to max_bytes, else too_large."""
    inflater = _Inflater("gzip")
    out = inflater.decompress(data, max_bytes + 1)
    if len(out) > max_bytes:
        raise FetchError("too_large", f"decompressed body larger than cap {max_bytes} bytes")
    return out


def _read_body(resp: http.client.HTTPResponse, cfg: SourceConfig, deadline: _Deadline) -> bytes:
    encoding = (resp.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding in ("x-gzip", "gzip"):
        inflater: _Inflater | None = _Inflater("gzip")
    elif encoding == "deflate":
        inflater = _Inflater("deflate")
    elif encoding in ("identity", ""):
        inflater = None
    else:
        raise FetchError("fetch_failed", f"unsupported Content-Encoding {encoding[:40]!r}")
    out = bytearray()
    received = 0
    while True:
        deadline.remaining()
        chunk = resp.read1(_CHUNK)  # returns after one recv: the deadline is checked between reads
        if not chunk:
            break
        received += len(chunk)
        if received > cfg.max_bytes:
            raise FetchError("too_large", f"body larger than cap {cfg.max_bytes} bytes")
        out += inflater.decompress(chunk, cfg.max_bytes + 1 - len(out)) if inflater else chunk
        if len(out) > cfg.max_bytes:
            raise FetchError("too_large", f"decompressed body larger than cap {cfg.max_bytes} bytes "
                                          f"({received} bytes received): a compression bomb?")
    if deadline.expired:
        raise deadline.error()
    if resp.length:  # bytes announced by Content-Length that never came
        raise FetchError("fetch_failed", f"connection closed {resp.length} bytes before the end of the body")
    if inflater is not None and received and not inflater.complete:
        raise FetchError("fetch_failed", f"truncated {encoding} body")
    return bytes(out)


def _target(parts: Any) -> str:
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return f"{path}?{query}" if query else path


def _get_once(url: str, cfg: SourceConfig, deadline: _Deadline, validators: dict[str, str] | None = None
              ) -> tuple[str | None, Fetched | None]:
    """One GET: (redirect location, None) or (None, the response body).

    `validators` (If-None-Match, If-Modified-Since) make it a conditional GET: an
    unchanged feed answers 304 with no body, which is returned as such.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError as e:
        raise FetchError("fetch_failed", f"bad URL: {e}") from e
    if not host:
        raise FetchError("fetch_failed", "URL without a host")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError as e:
        raise FetchError("fetch_failed", f"bad host name: {e}") from e
    https = parts.scheme.lower() == "https"
    port = port or (443 if https else 80)
    addresses = _resolve(host, port, deadline)
    if not cfg.allow_private_hosts:
        for address in addresses:
            why = address_refusal(address)
            if why:
                raise FetchError("blocked_url", f"{host} is a {why} address ({address}); "
                                                "--allow_private_hosts allows it")
    conn = (_PinnedHTTPS if https else _PinnedHTTP)(host, port, addresses, deadline)
    try:
        conn.request("GET", _target(parts), headers={
            "User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate",
            **(validators or {})})
        resp = conn.getresponse()
        if resp.status == 304 and validators:
            return None, Fetched(b"", resp.getheader("Content-Type"), url, status=304,
                                 etag=resp.getheader("ETag") or validators.get("If-None-Match"),
                                 last_modified=resp.getheader("Last-Modified")
                                 or validators.get("If-Modified-Since"))
        if resp.status in (301, 302, 303, 307, 308):
            location = resp.getheader("Location")
            if not location or not location.strip():
                raise FetchError("fetch_failed", f"HTTP {resp.status} without a Location")
            return location.strip(), None
        if not 200 <= resp.status < 300:
            raise FetchError("fetch_failed", f"HTTP {resp.status} {resp.reason}"[:200],
                             retry_after=resp.getheader("Retry-After"))
        content_type = resp.getheader("Content-Type")
        ctype = (content_type or "").split(";")[0].strip().lower()
        if ctype.startswith(NOT_FEED_TYPES):
            raise FetchError("not_a_feed", f"Content-Type {ctype} is not a feed")
        length = (resp.getheader("Content-Length") or "").strip()
        if length.isdigit() and int(length) > cfg.max_bytes:
            raise FetchError("too_large", f"Content-Length {length} > cap {cfg.max_bytes}")
        data = _read_body(resp, cfg, deadline)
        if data[:2] == b"\x1f\x8b":  # gzip sent without saying so
            data = gunzip_capped(data, cfg.max_bytes)
        return None, Fetched(data, content_type, url, etag=resp.getheader("ETag"),
                             last_modified=resp.getheader("Last-Modified"))
    except FetchError:
        raise
    except (OSError, http.client.HTTPException, ValueError, UnicodeError) as e:
        if deadline.expired or isinstance(e, TimeoutError):
            raise deadline.error() from e
        raise FetchError("fetch_failed", f"{type(e).__name__}: {e}"[:500]) from e
    finally:
        conn.close()
        deadline.cancel()


def fetch(url: str, cfg: SourceConfig, validators: dict[str, str] | None = None) -> Fetched:
    """GET a feed within one deadline, a size cap and the redirect and address policy.

    Raises FetchError with a reject reason: fetch_failed, fetch_timeout,
    blocked_url, redirect_refused, too_large or not_a_feed. With `validators`
    (streaming polls) an unchanged feed comes back as a Fetched with status 304.
    """
    deadline = _Deadline(cfg.timeout_s)
    seen = {url}
    try:
        for _ in range(cfg.max_redirects + 1):
            location, fetched = _get_once(url, cfg, deadline, validators)
            if fetched is not None:
                return fetched
            target = urljoin(url, location or "")
            scheme = url_scheme(target) or urlsplit(target).scheme.lower()
            if scheme not in ("http", "https"):
                raise FetchError("redirect_refused", f"redirect to a non-http URL refused: {target[:200]}")
            if target in seen:
                raise FetchError("redirect_refused", f"redirect loop back to {target[:200]}")
            seen.add(target)
            url = target
        raise FetchError("redirect_refused", f"more than {cfg.max_redirects} redirects")
    finally:
        deadline.cancel()


def fetch_url(url: str, cfg: SourceConfig) -> bytes:
    """The body of `fetch` (kept for callers that only want bytes)."""
    return fetch(url, cfg).data


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


# --------------------------------------------------------------------------- sniffing

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
# An HTML page: its first element (after the XML declaration, comments and any DOCTYPE) is
# <html>, <head> or <body>. A feed with an XHTML DOCTYPE but an <rss> root is still a feed.
_HTML_PAGE = re.compile(
    rb"^(?:\s|<\?[^>]{0,500}>|<!--.{0,4000}?-->|<!doctype[^>\[]{0,1000}>)*<(?:html|head|body)[\s>/]",
    re.I | re.S)


def _views(data: bytes, head: int | None = None) -> list[bytes]:
    """The bytes as a scanner should see them: as is, without NULs (UTF-16/32), and as
    feedparser will decode them (EBCDIC, a declared encoding…)."""
    sample = data if head is None else data[:head]
    views = [sample]
    if b"\x00" in sample:
        views.append(sample.replace(b"\x00", b""))
    if sample[:4] == b"\x4c\x6f\xa7\x94":  # "<?xm" in EBCDIC
        views.append(sample.decode("cp037", "replace").encode("utf-8"))
    elif b"+AD" in sample:  # UTF-7 "<" is +ADw-
        views.append(sample.decode("utf-7", "replace").encode("utf-8"))
    return views


def declares_entities(data: bytes, content_type: str | None = None) -> bool:
    """True when an XML document declares entities (<!ENTITY …>), in any encoding we read.

    Internal entities give the "billion laughs" and quadratic blow-ups (feedparser's
    fallback parser expands a 100 kB entity 20,000 times: 2 GB); external ones
    (SYSTEM "file://…", "http://…") read files or call servers. News feeds do not
    need them, so such a document is rejected `xml_entities` before parsing.
    """
    views = _views(data)
    try:
        from feedparser.encodings import convert_to_utf8

        converted = convert_to_utf8({"content-type": content_type} if content_type else {}, data, {})
        if isinstance(converted, bytes):
            views.append(converted)
    except Exception:  # noqa: BLE001 - an internal of feedparser; the other views still count
        pass
    return any(_ENTITY_DECL.search(v) for v in views)


def looks_like_html(data: bytes) -> bool:
    """True when the document is an HTML page (challenge, login or error page), not a feed."""
    return any(_HTML_PAGE.match(view.lstrip(b"\xef\xbb\xbf\xff\xfe")) for view in _views(data, head=4096))


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<rdf" in head


# --------------------------------------------------------------------------- parsers


def _entry_record(entry: Any, item_ref: str, ref: str, outlet: str | None,
                  ingested_at: dt.datetime) -> dict[str, Any]:
    contents = entry.get("content") or []
    body = contents[0].get("value") if contents else None
    body = body or entry.get("summary") or entry.get("description")
    raw_date = entry.get("published") or entry.get("updated")
    st = entry.get("published_parsed") or entry.get("updated_parsed")
    return _article_or_reject(
        item_ref, entry.get("title"),
        url=entry.get("link"), title=entry.get("title"), body=body,
        published=from_struct_time(st, raw_date), source=outlet, feed_url=ref,
        ingested_at=ingested_at,
    )


def parse_feed(data: bytes, ref: str, ingested_at: dt.datetime,
               content_type: str | None = None) -> Iterator[dict[str, Any]]:
    """Feed bytes to articles (one per entry) or a single reject for the feed."""
    import feedparser

    if declares_entities(data, content_type):
        yield _reject(ref, "xml_entities", "the document declares XML entities (<!ENTITY>): "
                                           "refused unparsed (entity expansion, external entities)",
                      _head_text(data))
        return
    if looks_like_html(data):
        yield _reject(ref, "not_a_feed", "an HTML page, not a feed (challenge, login or error page?)",
                      _head_text(data))
        return
    headers = {"content-type": content_type} if content_type else None
    try:
        # A BytesIO, never bare bytes: feedparser opens a bytes argument as a file path if it can.
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True,
                                  resolve_relative_uris=False)
    except Exception as e:  # noqa: BLE001 - feedparser can raise on pathological input
        yield _reject(ref, "malformed_feed", f"{type(e).__name__}: {e}", _head_text(data))
        return
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            detail = f"{type(exc).__name__}: {exc}" if exc else "not a feed"
            yield _reject(ref, "malformed_feed", detail, _head_text(data))
        else:
            yield _reject(ref, "empty_feed", "feed has no items")
        return
    feed = parsed.get("feed") or {}
    try:
        outlet = clean_text(feed.get("title")) or None
    except Exception:  # noqa: BLE001
        outlet = None
    for n, entry in enumerate(entries):
        item_ref = f"{ref}#{n}"
        try:
            yield _entry_record(entry, item_ref, ref, outlet, ingested_at)
        except Exception as e:  # noqa: BLE001 - a poison entry is a reject, the others go on
            yield _reject(item_ref, "extraction_failed", f"{type(e).__name__}: {e}")


def _jsonl_item(line: str, item_ref: str, ingested_at: dt.datetime) -> dict[str, Any]:
    """One JSONL line to an article or a reject; never raises."""
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as e:  # JSONDecodeError, 4300-digit integers, deep nesting
        return _reject(item_ref, "invalid_json", f"{type(e).__name__}: {e}"[:300], line)
    if not isinstance(obj, dict) or not all(
        isinstance(obj.get(k), (str, type(None))) for k in ("url", "title", "text", "source")
    ):
        return _reject(item_ref, "invalid_record", "expected an object with string fields", line)
    published = obj.get("published") or obj.get("published_at") or obj.get("date")
    return _article_or_reject(
        item_ref, line,
        url=obj.get("url"), title=obj.get("title"), body=obj.get("text"),
        published_raw=str(published)[:200] if published is not None else None,
        source=obj.get("source"), ingested_at=ingested_at,
    )


def parse_jsonl(text: str, ref: str, ingested_at: dt.datetime) -> Iterator[dict[str, Any]]:
    """One article per non-blank line: fields url, title, text, published, source."""
    n = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        yield _jsonl_item(line, f"{ref}#{n}", ingested_at)
        n += 1
    if n == 0:
        yield _reject(ref, "empty_input", "no JSON lines")


def _lines(fh: Any, max_bytes: int) -> Iterator[tuple[bytes | None, int]]:
    """(line, size) for each line of a binary file; (None, size) for a line over max_bytes,
    which is skipped without being held in memory."""
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while True:
                more = fh.readline(_CHUNK * 16)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield None, size
        else:
            yield line, len(line)


def read_jsonl(path: str, ref: str, cfg: SourceConfig, ingested_at: dt.datetime) -> Iterator[dict[str, Any]]:
    """A JSONL file, streamed: any number of lines, each at most cfg.max_bytes.

    Each line is decoded on its own: one line in Latin-1 is one `undecodable`
    item, the rest of the file is read. A file with a UTF-16 BOM is read whole
    (up to max_bytes) and decoded as UTF-16.
    """
    with FileSystems.open(path, compression_type="uncompressed") as fh:
        n = 0
        for raw, size in _lines(fh, cfg.max_bytes):
            if n == 0 and raw is not None and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                rest = fh.read(cfg.max_bytes + 1 - len(raw))
                if len(raw) + len(rest) > cfg.max_bytes:
                    yield _reject(ref, "too_large", f"UTF-16 file larger than cap {cfg.max_bytes} bytes")
                    return
                try:
                    text = (raw + rest).decode("utf-16")
                except UnicodeDecodeError as e:
                    yield _reject(ref, "undecodable", str(e))
                    return
                yield from parse_jsonl(text, ref, ingested_at)
                return
            if raw is not None and not raw.strip():
                continue
            item_ref = f"{ref}#{n}"
            n += 1
            if raw is None:
                yield _reject(item_ref, "too_large", f"line of {size} bytes > cap {cfg.max_bytes}")
                continue
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as e:
                yield _reject(item_ref, "undecodable", f"not UTF-8: {e}", _head_text(raw))
                continue
            yield _jsonl_item(line, item_ref, ingested_at)
    if n == 0:
        yield _reject(ref, "empty_input", "no JSON lines")


def parse_txt(text: str, ref: str, ingested_at: dt.datetime) -> Iterator[dict[str, Any]]:
    """First non-blank line is the title, the rest the body; no date in a .txt."""
    lines = text.strip().split("\n", 1)
    title = lines[0]
    body = lines[1] if len(lines) > 1 else ""
    yield _article_or_reject(ref, text[:300], url=None, title=title, body=body, published_raw=None,
                             source=None, ingested_at=ingested_at)


def parse_html(data: bytes, ref: str, ingested_at: dt.datetime) -> Iterator[dict[str, Any]]:
    """Main text and metadata of a web page, with trafilatura."""
    import trafilatura

    if declares_entities(data):
        yield _reject(ref, "xml_entities", "the page declares XML entities (<!ENTITY>): refused unparsed",
                      _head_text(data))
        return
    try:
        doc = trafilatura.bare_extraction(data, with_metadata=True, as_dict=True,
                                          include_comments=False)
    except Exception as e:  # noqa: BLE001 - third-party extractor
        yield _reject(ref, "extraction_failed", f"{type(e).__name__}: {e}")
        return
    if not doc or not (doc.get("text") or doc.get("title")):
        yield _reject(ref, "extraction_failed", "no main text found", _head_text(data))
        return
    yield _article_or_reject(
        ref, None, url=doc.get("url"), title=doc.get("title"), body=doc.get("text"),
        published_raw=doc.get("date"), source=doc.get("sitename") or doc.get("hostname"),
        ingested_at=ingested_at,
    )


# --------------------------------------------------------------------------- reading


def _read_url(ref: str, cfg: SourceConfig, ingested_at: dt.datetime) -> Iterator[dict[str, Any]]:
    try:
        fetched = fetch(ref, cfg)
    except FetchError as e:
        yield _reject(ref, e.reason, str(e))
        return
    if not fetched.data.strip():
        yield _reject(ref, "empty_input", "empty response")
        return
    yield from parse_feed(fetched.data, ref, ingested_at, fetched.content_type)


def _read_path(path: str, ref: str, cfg: SourceConfig, ingested_at: dt.datetime) -> Iterator[dict[str, Any]]:
    name = path.lower()
    if name.endswith(JSONL_EXTS):
        yield from read_jsonl(path, ref, cfg, ingested_at)
        return
    data = read_bytes(path, cfg)
    if not data.strip():
        yield _reject(ref, "empty_input", "no content")
        return
    if name.endswith(FEED_EXTS):
        yield from parse_feed(data, ref, ingested_at)
    elif name.endswith(HTML_EXTS):
        yield from parse_html(data, ref, ingested_at)
    elif name.endswith(TEXT_EXTS):
        try:
            text = decode_text(data)
        except UnicodeDecodeError as e:
            yield _reject(ref, "undecodable", str(e))
            return
        yield from parse_txt(text, ref, ingested_at)
    elif _looks_like_feed(data):
        yield from parse_feed(data, ref, ingested_at)
    else:
        yield _reject(ref, "unsupported_format", "expected a feed, .txt, .jsonl or .html file")


def read_input(ref: str, cfg: SourceConfig, ingested_at: dt.datetime | None = None
               ) -> Iterator[dict[str, Any]]:
    """All articles and rejects from one URL or file. Never raises for bad input."""
    ingested_at = ingested_at or now_utc()
    scheme = url_scheme(ref)
    try:
        if scheme in ("http", "https"):
            yield from _read_url(ref, cfg, ingested_at)
        elif scheme == "file":
            parts = urlsplit(ref)
            if not cfg.allow_private_hosts:
                yield _reject(ref, "blocked_url", "file:// URLs are refused; --allow_private_hosts allows them "
                                                  "(a plain path is always read)")
            elif parts.netloc not in ("", "localhost"):
                yield _reject(ref, "blocked_url", f"file:// URL on another host ({parts.netloc[:100]})")
            else:
                yield from _read_path(url2pathname(parts.path), ref, cfg, ingested_at)
        elif scheme is not None and scheme not in BEAM_SCHEMES:
            yield _reject(ref, "blocked_url", f"{scheme}:// is not read (http, https and files only)")
        else:
            yield from _read_path(ref, ref, cfg, ingested_at)
    except FetchError as e:
        yield _reject(ref, e.reason, str(e))
    except (OSError, ValueError) as e:
        yield _reject(ref, "fetch_failed", f"{type(e).__name__}: {e}")
    except Exception as e:  # noqa: BLE001 - one bad input never fails the job
        LOG.warning("source %s failed: %s", ref, e)
        yield _reject(ref, "extraction_failed", f"{type(e).__name__}: {e}")


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
