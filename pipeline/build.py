"""The pipeline graph, top to bottom: sources -> dedup -> language -> parse ->
(entities | events) -> Parquet, with every reject collected on the way."""

from __future__ import annotations

from typing import Any

import apache_beam as beam

from pipeline.options import VigieOptions
from schemas import ARTICLES, ENTITIES, EVENTS, REJECTS
from transforms.dedup import DropDuplicates
from transforms.entities import ExtractEntities, article_day
from transforms.events import ExtractEvents
from transforms.language import KeepFrench
from transforms.nlp import ParseArticles
from transforms.rejects import REJECT_TAG, reject_day
from transforms.sinks import WriteTable
from transforms.sources import ReadArticles, SourceConfig


def article_row(parsed: tuple[dict[str, Any], Any]) -> dict[str, Any]:
    article, _ = parsed
    return {**article, "date": article_day(article).isoformat()}


def reject_row(reject: dict[str, Any]) -> dict[str, Any]:
    return {**reject, "date": reject_day(reject).isoformat()}


def build_pipeline(p: beam.Pipeline, options: VigieOptions) -> dict[str, beam.PCollection]:
    """Add vigie to `p`; returns the row collections by table (for tests)."""
    cfg = SourceConfig(timeout_s=options.fetch_timeout, max_bytes=options.max_input_bytes,
                       allow_private_hosts=options.allow_private_hosts)

    articles, source_rejects = p | "Sources" >> ReadArticles(list(options.input or []), cfg)
    unique = articles | "Dedup" >> DropDuplicates()
    french = unique.unique | "Language" >> KeepFrench()
    parsed = french.french | "Parse" >> ParseArticles(options.model, options.nlp_batch_size)

    entities = parsed.parsed | "Entities" >> ExtractEntities()
    events = parsed.parsed | "Events" >> ExtractEvents()

    tables = {
        "articles": parsed.parsed | "ArticleRows" >> beam.Map(article_row),
        "entities": entities.entities,
        "events": events.events,
        "rejects": (
            (source_rejects, unique[REJECT_TAG], french[REJECT_TAG], parsed[REJECT_TAG],
             entities[REJECT_TAG], events[REJECT_TAG])
            | "AllRejects" >> beam.Flatten()
            | "RejectRows" >> beam.Map(reject_row)
        ),
    }
    for spec in (ARTICLES, ENTITIES, EVENTS, REJECTS):
        _ = tables[spec.name] | f"Write{spec.name.title()}" >> WriteTable(spec, options.output)
    return tables
