"""`rejects`: every input item that did not become an article, and why."""

import pyarrow as pa

from schemas.table import UTC_TS, build, field

REJECTS = build(
    "rejects",
    ("date",),
    field("reject_id", pa.string(), "Stable id: hash of input_ref, stage and reason.", False),
    field("input_ref", pa.string(), "Input file or URL, with `#n` for the n-th item in it.", False),
    field("stage", pa.string(), "source / dedup / language / nlp.", False),
    field("reason", pa.string(), "Machine-readable reason (see README).", False),
    field("detail", pa.string(), "Human-readable detail (exception, detected language…)."),
    field("excerpt", pa.string(), "First 300 characters of the item, if any."),
    field("article_id", pa.string(), "Article id when the item got that far."),
    field("url", pa.string(), "Item URL, if known."),
    field("published_at", UTC_TS, "Item publication time, if known."),
    field("rejected_at", UTC_TS, "When the reject was recorded (UTC).", False),
    field("schema_version", pa.int16(), "Version of this schema.", False),
)
