"""Text hygiene shared by every source: HTML to text, Unicode NFC, safe ids."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
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
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_TRACKING_PARAMS = re.compile(r"^(utm_.*|xtor|at_.*|fbclid|gclid|mc_cid|mc_eid|ref|cmp)$", re.I)


# One piece of markup: a start or end tag, a comment opening, a declaration or a
# processing instruction. `[^<>]*` stops at the next bracket, so scanning is
# linear in the input (html.parser is quadratic on "<a <a <a …": minutes for 1 MB).
_MARKUP = re.compile(r"<(?:(/?)([A-Za-z][A-Za-z0-9:_-]*)[^<>]*>|(!--)|(!\[CDATA\[)|![^<>]*>|\?[^<>]*>)")
_SKIP_END = {t: re.compile(rf"</{t}\s*>", re.I) for t in _SKIP_TAGS}


def strip_html(value: str) -> str:
    """Visible text of an HTML fragment (plain text passes through unchanged).

    Tags go, block tags become line breaks, script/style/… content goes,
    comments go, character references are decoded. Linear time; never
    fetches anything and knows no DTD, so no entity can expand.
    """
    if "<" not in value and "&" not in value:
        return value
    parts: list[str] = []
    pos, n = 0, len(value)
    while pos < n:
        m = _MARKUP.search(value, pos)
        if m is None:
            parts.append(html.unescape(value[pos:]))
            break
        parts.append(html.unescape(value[pos:m.start()]))
        pos = m.end()
        if m.group(3):  # a comment runs to "-->", or to the end when unclosed (as in browsers)
            end = value.find("-->", pos)
            pos = n if end < 0 else end + 3
            continue
        if m.group(4):  # CDATA is text, taken as is
            end = value.find("]]>", pos)
            parts.append(value[pos:] if end < 0 else value[pos:end])
            pos = n if end < 0 else end + 3
            continue
        name = (m.group(2) or "").lower()
        if name in _SKIP_TAGS and not m.group(1):
            close = _SKIP_END[name].search(value, pos)
            pos = n if close is None else close.end()
        elif name in _BLOCK_TAGS:
            parts.append("\n")
    return "".join(parts)


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
    """HTML stripped, NFC, invisible characters removed, whitespace tidied (linear time)."""
    if not value:
        return ""
    if not isinstance(value, str):
        value = str(value)
    text = unicodedata.normalize("NFC", strip_html(_INVISIBLE.sub("", value)))
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
