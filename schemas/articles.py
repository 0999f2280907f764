"""`articles`: one row per French article that was parsed."""

import pyarrow as pa

from schemas.table import UTC_TS, build, field

ARTICLES = build(
    "articles",
    ("date",),
    field("article_id", pa.string(), "Stable id: hash of the canonical URL, else of title and text.", False),
    field("url", pa.string(), "Article URL as given by the feed or file."),
    field("canonical_url", pa.string(), "URL normalised for identity (no tracking query, fragment)."),
    field("source", pa.string(), "Outlet: feed title, JSONL `source`, or the URL host."),
    field("feed_url", pa.string(), "Feed the item came from (URL or file), if any."),
    field("input_ref", pa.string(), "Input file or URL, with `#n` for the n-th item in it.", False),
    field("title", pa.string(), "Title, HTML stripped, Unicode NFC."),
    field("text", pa.string(), "Title + description or body, HTML stripped, Unicode NFC."),
    field("published_at", UTC_TS, "Publication time in UTC; null when missing or unusable."),
    field("published_at_status", pa.string(), "ok / missing / invalid / future: how published_at was obtained.", False),
    field("ingested_at", UTC_TS, "When vigie read the item (UTC).", False),
    field("language", pa.string(), "Detected language (ISO 639-1).", False),
    field("language_prob", pa.float64(), "langdetect probability of that language.", False),
    field("word_count", pa.int32(), "Tokens parsed by spaCy (punctuation excluded).", False),
    field("sentence_count", pa.int32(), "Sentences found by spaCy.", False),
    field("truncated", pa.bool_(), "True when the text was cut to the parser's length cap.", False),
    field("schema_version", pa.int16(), "Version of this schema.", False),
)
