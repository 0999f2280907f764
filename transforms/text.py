"""Text hygiene shared by every source: HTML to text, Unicode NFC, safe ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "blockquote", "header", "footer", "pre",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "object"}
# C0/C1 controls except tab and newline, plus zero-width and bidi marks that
# break tokenisation and matching but carry no meaning in news text.
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
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


def strip_html(value: str) -> str:
    """Visible text of an HTML fragment (plain text passes through unchanged)."""
    if "<" not in value and "&" not in value:
        return value
    parser = _TextExtractor()
    parser.feed(value)
    parser.close()
    return "".join(parser.parts)


def clean_text(value: str | None) -> str:
    """HTML stripped, NFC, invisible characters removed, whitespace tidied."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", strip_html(value))
    text = _INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


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
