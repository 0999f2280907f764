"""Batch de-duplication: one article per `article_id`, the others are rejects.

The same story often arrives twice (two feeds, a feed and a file). Keeping
the copy with the smallest input reference makes the choice deterministic,
so two runs on the same input keep the same copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics

from transforms.rejects import REJECT_TAG, make_reject


def pick_first(copies: Iterable[dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The kept copy and the duplicates, ordered by input reference."""
    ordered = sorted(copies, key=lambda a: (a["input_ref"], a["text"]))
    return ordered[0], ordered[1:]


class _SplitDuplicates(beam.DoFn):
    def __init__(self) -> None:
        self.dupes = Metrics.counter("rejected", "duplicate")

    def process(self, keyed: tuple[str, Iterable[dict[str, Any]]]) -> Iterable[Any]:
        _, copies = keyed
        kept, dupes = pick_first(copies)
        yield kept
        for d in dupes:
            self.dupes.inc()
            yield beam.pvalue.TaggedOutput(REJECT_TAG, make_reject(
                d["input_ref"], "dedup", "duplicate",
                f"same article_id as {kept['input_ref']}", article=d))


class DropDuplicates(beam.PTransform):
    """Articles keyed by id; main output unique articles, `rejects` the copies."""

    def expand(self, articles: beam.PCollection) -> beam.pvalue.DoOutputsTuple:
        return (
            articles
            | "ById" >> beam.Map(lambda a: (a["article_id"], a))
            | "Group" >> beam.GroupByKey()
            | "Split" >> beam.ParDo(_SplitDuplicates()).with_outputs(REJECT_TAG, main="unique")
        )
