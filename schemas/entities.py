"""`entities`: one row per entity mention, resolved to an actor where possible."""

import pyarrow as pa

from schemas.table import UTC_TS, build, field

ENTITIES = build(
    "entities",
    ("date", "actor"),
    field("entity_id", pa.string(), "Stable id: hash of article_id and character offsets.", False),
    field("article_id", pa.string(), "Article the mention is in.", False),
    field("mention", pa.string(), "The text of the mention as it appears.", False),
    field("label", pa.string(), "PER / LOC / ORG / MISC (spaCy's or the gazetteer ruler's).", False),
    field("start_char", pa.int32(), "Start offset in articles.text.", False),
    field("end_char", pa.int32(), "End offset (exclusive) in articles.text.", False),
    field("sentence_index", pa.int32(), "0-based sentence number in the article.", False),
    field("canonical_name", pa.string(), "Canonical actor name, null when unresolved."),
    field("actor_code", pa.string(), "CAMEO-style code (USAGOV, RUS, NATO…), UNK when unresolved.", False),
    field("country", pa.string(), "ISO3 country of the actor, if any."),
    field("sector", pa.string(), "CAMEO sector (GOV, MIL, REB…), if any."),
    field("resolution", pa.string(), "exact / alias / fuzzy / role / metonymy / coreference / none.", False),
    field("confidence", pa.float32(), "0-1 confidence in the resolution.", False),
    field("published_at", UTC_TS, "Article publication time (UTC)."),
    field("schema_version", pa.int16(), "Version of this schema.", False),
)
