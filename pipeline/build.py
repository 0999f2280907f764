"""The pipeline graph, top to bottom: sources -> dedup -> language -> parse ->
(entities | events) -> Parquet, with every reject collected on the way.

Batch and streaming differ only at the ends: batch reads its inputs once and
de-duplicates with a GroupByKey; streaming polls on a clock, de-duplicates
with keyed state and writes by day windows. The middle is `extract_tables`."""

from __future__ import annotations

import time
from typing import Any

import apache_beam as beam

from pipeline.options import VigieOptions
from schemas import ARTICLES, ENTITIES, EVENTS, REJECTS
from transforms.dedup import DropDuplicates, DropRepeats
from transforms.entities import ExtractEntities, article_day
from transforms.events import ExtractEvents
from transforms.language import KeepFrench
from transforms.nlp import ParseArticles
from transforms.polling import PollInputs
from transforms.rejects import REJECT_TAG, reject_day
from transforms.sinks import WriteTable
from transforms.sources import ReadArticles, SourceConfig
from transforms.ticks import Clock, Ticks
from transforms.windows import DayWindows


def article_row(parsed: tuple[dict[str, Any], Any]) -> dict[str, Any]:
    article, _ = parsed
    return {**article, "date": article_day(article).isoformat()}


def reject_row(reject: dict[str, Any]) -> dict[str, Any]:
    return {**reject, "date": reject_day(reject).isoformat()}


def extract_tables(articles: beam.PCollection, rejects: list[beam.PCollection],
                   options: VigieOptions) -> dict[str, beam.PCollection]:
    """Unique articles to the four tables' rows: language, one parse, entities | events.
    The part batch and streaming modes share."""
    french = articles | "Language" >> KeepFrench()
    parsed = french.french | "Parse" >> ParseArticles(options.model, options.nlp_batch_size)

    entities = parsed.parsed | "Entities" >> ExtractEntities(options.home_country)
    events = parsed.parsed | "Events" >> ExtractEvents(options.home_country)
    return {
        "articles": parsed.parsed | "ArticleRows" >> beam.Map(article_row),
        "entities": entities.entities,
        "events": events.events,
        "rejects": (
            (*rejects, french[REJECT_TAG], parsed[REJECT_TAG], entities[REJECT_TAG], events[REJECT_TAG])
            | "AllRejects" >> beam.Flatten()
            | "RejectRows" >> beam.Map(reject_row)
        ),
    }


def source_config(options: VigieOptions) -> SourceConfig:
    return SourceConfig(timeout_s=options.fetch_timeout, max_bytes=options.max_input_bytes,
                        allow_private_hosts=options.allow_private_hosts)


def build_pipeline(p: beam.Pipeline, options: VigieOptions) -> dict[str, beam.PCollection]:
    """Add vigie (batch mode) to `p`; returns the row collections by table (for tests)."""
    articles, source_rejects = p | "Sources" >> ReadArticles(list(options.input or []), source_config(options))
    unique = articles | "Dedup" >> DropDuplicates()
    tables = extract_tables(unique.unique, [source_rejects, unique[REJECT_TAG]], options)
    for spec in (ARTICLES, ENTITIES, EVENTS, REJECTS):
        _ = tables[spec.name] | f"Write{spec.name.title()}" >> WriteTable(spec, options.output)
    return tables


def build_streaming(p: beam.Pipeline, options: VigieOptions, start: float | None = None
                    ) -> dict[str, beam.PCollection]:
    """Add vigie (streaming mode) to `p`: ticks -> polls and folder watches -> keyed dedup ->
    the shared extraction -> day windows -> Parquet. README "Streaming"."""
    start = time.time() if start is None else start
    clock = Clock(start=start, interval_s=options.poll_interval,
                  deadline=start + options.max_runtime if options.max_runtime else None,
                  stop_file=options.stop_file)
    ticks = p | "Ticks" >> Ticks(clock)
    articles, source_rejects = ticks | "Sources" >> PollInputs(
        list(options.input or []), source_config(options), options.poll_interval, options.dedup_ttl,
        settle_s=options.file_settle)
    unique = articles | "Dedup" >> DropRepeats(options.dedup_ttl, options.output)
    tables = extract_tables(unique["unique"], [source_rejects, unique[REJECT_TAG]], options)
    for spec in (ARTICLES, ENTITIES, EVENTS, REJECTS):
        windows = DayWindows(options.write_window, options.allowed_lateness)
        _ = tables[spec.name] | f"Write{spec.name.title()}" >> WriteTable(spec, options.output, windows)
    return tables
