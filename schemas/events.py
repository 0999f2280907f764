"""`events`: who did what to whom, when and where (GDELT-inspired columns)."""

import pyarrow as pa

from schemas.table import UTC_TS, build, field

EVENTS = build(
    "events",
    ("date", "actor"),
    field("event_id", pa.string(), "Stable id: hash of article, actors, code, date and modality.", False),
    field("event_date", pa.date32(), "Date of the event (see event_date_source).", False),
    field("event_date_source", pa.string(), "text (a day the sentence gives), text_month or text_year (its first "
          "day: the sentence gives only the month or the year), or published (the sentence gives no date).", False),
    field("actor1_name", pa.string(), "Source actor as named (canonical name if resolved)."),
    field("actor1_code", pa.string(), "Source actor CAMEO-style code, UNK if unresolved."),
    field("actor1_country", pa.string(), "Source actor ISO3 country."),
    field("actor2_name", pa.string(), "Target actor as named."),
    field("actor2_code", pa.string(), "Target actor CAMEO-style code."),
    field("actor2_country", pa.string(), "Target actor ISO3 country."),
    field("event_code", pa.string(), "Full CAMEO code (string: leading zeros matter).", False),
    field("event_base_code", pa.string(), "First three digits of the CAMEO code.", False),
    field("event_root_code", pa.string(), "CAMEO root (01-20).", False),
    field("quad_class", pa.int8(), "1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.", False),
    field("goldstein", pa.float32(), "Goldstein score of the code (-10 to +10).", False),
    field("plover_type", pa.string(), "PLOVER event type mapped from the CAMEO code."),
    field("modality", pa.string(), "asserted / negated / hypothetical / future / reported.", False),
    field("is_root_event", pa.bool_(), "True when found in the title or lead.", False),
    field("action_geo_name", pa.string(), "Place of the action as the sentence names it (see README, Events)."),
    field("action_geo_country", pa.string(), "ISO3 of that place."),
    field("action_geo_lat", pa.float64(), "Latitude of that place."),
    field("action_geo_lon", pa.float64(), "Longitude of that place."),
    field("num_mentions", pa.int32(), "Sentences in the article reporting the same event.", False),
    field("confidence", pa.float32(), "0-1: probability that the row is right, from how it was found "
          "(see \"Confidence\" under Measured).", False),
    field("sentence", pa.string(), "Evidence sentence.", False),
    field("trigger", pa.string(), "Trigger word(s).", False),
    field("trigger_start", pa.int32(), "Trigger start offset in articles.text.", False),
    field("trigger_end", pa.int32(), "Trigger end offset.", False),
    field("actor1_start", pa.int32(), "Actor 1 mention start offset."),
    field("actor1_end", pa.int32(), "Actor 1 mention end offset."),
    field("actor2_start", pa.int32(), "Actor 2 mention start offset."),
    field("actor2_end", pa.int32(), "Actor 2 mention end offset."),
    field("article_id", pa.string(), "Article the event comes from.", False),
    field("source_url", pa.string(), "URL of that article."),
    field("published_at", UTC_TS, "Article publication time (UTC)."),
    field("ingested_at", UTC_TS, "When the article was read (UTC).", False),
    field("schema_version", pa.int16(), "Version of this schema.", False),
)
