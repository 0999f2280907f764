"""Text hygiene shared by every source: HTML to text, Unicode NFC, safe ids."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "blockquote", "header", "footer", "pre",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "object"}
# C0/C1 controls except tab and newline; zero-width, soft hyphen and bidi marks
# (LRM, RLM, ALM, embeddings, isolates) that break tokenisation and matching but
# carry no meaning in news text; lone surrogates (from JSON "\\ud800" or
# undecodable file names), which no UTF-8 writer accepts; and noncharacters.
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\ud800-\udfff]"
)
# Longest text kept for an article, in characters: longer ones are cut at a
# paragraph and flagged `truncated` (the parser reads only the first 100,000).
MAX_TEXT_CHARS = 1_000_000
# Raw (HTML) input cleaned for one field: beyond this nothing could survive the cut.
MAX_RAW_CHARS = 4 * MAX_TEXT_CHARS
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_TRACKING_PARAMS = re.compile(r"^(utm_.*|xtor|at_.*|fbclid|gclid|mc_cid|mc_eid|ref|cmp)$", re.I)


class _TextExtractor(HTMLParser):
    """Collect visible text; never fetches anything or expands external entities."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


_TAG = re.compile(r"<[^>]{0,2000}>")


def strip_html(value: str) -> str:
    """Visible text of an HTML fragment (plain text passes through unchanged).

    Never raises: if the HTML parser gives up on pathological markup, tags
    are removed with a plain pattern instead.
    """
    if "<" not in value and "&" not in value:
        return value
    parser = _TextExtractor()
    try:
        parser.feed(value)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser has raised on odd markup in some versions
        return html.unescape(_TAG.sub(" ", value))
    return "".join(parser.parts)


def safe_str(value: str | None) -> str | None:
    """The string with anything UTF-8 cannot hold (lone surrogates) replaced by U+FFFD."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def cut_text(text: str, limit: int = MAX_TEXT_CHARS) -> tuple[str, bool]:
    """At most `limit` characters, cut at a paragraph (else a line, else hard); and whether it was cut."""
    if len(text) <= limit:
        return text, False
    for sep in ("\n\n", "\n", " "):
        cut = text.rfind(sep, 0, limit)
        if cut > limit // 2:
            return text[:cut].rstrip(), True
    return text[:limit], True


def clean_text(value: str | None) -> str:
    """HTML stripped, NFC, invisible characters removed, whitespace tidied.

    At most MAX_RAW_CHARS of input are looked at, so time and memory stay
    bounded; `clean_long_text` says when that, or its own cut, lost text.
    """
    return clean_long_text(value, limit=MAX_RAW_CHARS)[0]


def clean_long_text(value: str | None, limit: int = MAX_TEXT_CHARS) -> tuple[str, bool]:
    """`clean_text`, cut to `limit` characters at a paragraph; and whether anything was lost."""
    if not value:
        return "", False
    if not isinstance(value, str):
        value = str(value)
    lost = len(value) > MAX_RAW_CHARS
    text = unicodedata.normalize("NFC", strip_html(_INVISIBLE.sub("", value[:MAX_RAW_CHARS])))
    text = _INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text).strip()
    text, cut = cut_text(text, limit)
    return text, lost or cut


def canonical_url(url: str | None) -> str | None:
    """URL normalised for identity: lower-case scheme and host, no fragment or trackers."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.scheme or not parts.netloc:
        return url
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
               if not _TRACKING_PARAMS.match(k))
    )
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def stable_id(*parts: str | None, length: int = 20) -> str:
    """A short, stable hex id from text parts (sha1; not a security boundary)."""
    h = hashlib.sha1()
    for p in parts:
        h.update((p or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def excerpt(text: str | None, limit: int = 300) -> str | None:
    if not text:
        return None
    return text[:limit]
