"""De-duplication. Batch: one article per `article_id`, the others are rejects.
Streaming: keyed state remembers what was seen (`DropRepeats`, below).

The same story often arrives twice (two feeds, a feed and a file). Keeping
the copy with the smallest input reference makes the choice deterministic,
so two runs on the same input keep the same copy.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

import apache_beam as beam
from apache_beam.coders import StrUtf8Coder
from apache_beam.metrics import Metrics
from apache_beam.transforms import userstate
from apache_beam.typehints import KV
from apache_beam.utils.timestamp import Duration

from transforms.rejects import REJECT_TAG, make_reject
from transforms.text import stable_id

LOG = logging.getLogger(__name__)


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


# --------------------------------------------------------------------------- streaming


def origin(article: dict[str, Any]) -> str:
    """Where an item came from: its feed, or its file (an item's place in a feed moves)."""
    return article.get("feed_url") or article["input_ref"].split("#", 1)[0]


_SEP = "\t"
_READS = "\n"


def _read_id(article: dict[str, Any]) -> str:
    """Which read brought the item: its origin and the read's time (shared by a read's items)."""
    return f"{origin(article)}{_SEP}{article['ingested_at']}"


def content_key(article: dict[str, Any]) -> str:
    """The same story under two URLs (a syndicated copy, a republished item) has the same text."""
    return stable_id(article.get("title") or "", article["text"])


class _FirstSighting(beam.DoFn):
    """(key, article) in; the article the first time its key is seen, nothing when the same
    source shows it again at a later read (a feed repeats its items at every poll), a
    `duplicate` reject when another source brings it or one read lists it twice (as in batch
    mode). The key is forgotten `ttl_s` after it was last seen."""

    FIRST = userstate.ReadModifyWriteStateSpec("first", StrUtf8Coder())
    # the reads whose copy was rejected: the same source showing it again at a later poll is the
    # same problem, not a new reject (one row, as for a feed that keeps failing)
    REJECTED = userstate.ReadModifyWriteStateSpec("rejected", StrUtf8Coder())
    EXPIRY = userstate.TimerSpec("expiry", userstate.TimeDomain.WATERMARK)

    def __init__(self, what: str, ttl_s: float) -> None:
        self.what = what
        self.ttl_s = ttl_s
        self.again = Metrics.counter("dedup", f"seen_again_{what.replace(' ', '_')}")
        self.dupes = Metrics.counter("rejected", "duplicate")

    def process(self, keyed: tuple[str, dict[str, Any]],
                ts: Any = beam.DoFn.TimestampParam,
                first: userstate.ReadModifyWriteRuntimeState = beam.DoFn.StateParam(FIRST),
                rejected: userstate.ReadModifyWriteRuntimeState = beam.DoFn.StateParam(REJECTED),
                expiry: userstate.RuntimeTimer = beam.DoFn.TimerParam(EXPIRY)) -> Iterable[Any]:
        _, article = keyed
        # Event time here is the poll's tick time: the key lives ttl_s after its last sighting.
        expiry.set(ts + Duration(seconds=self.ttl_s))
        seen = first.read()
        read = _read_id(article)
        if seen is None:
            first.write(f"{read}{_SEP}{article['input_ref']}")
            yield article
            return
        seen_read, _, seen_ref = seen.rpartition(_SEP)
        seen_origin = seen_read.split(_SEP, 1)[0]
        if seen_origin == origin(article) and seen_read != read:
            self.again.inc()  # the same feed or file, read again at a later poll
            return
        # Another source, or twice in the same read (a feed or file listing an item twice).
        reads = (rejected.read() or "").split(_READS)
        if any(r.split(_SEP, 1)[0] == origin(article) and r != read for r in reads if r):
            self.again.inc()  # that source's copy was rejected at an earlier read already
            return
        rejected.write(_READS.join([r for r in reads if r] + [read]))
        self.dupes.inc()
        yield beam.pvalue.TaggedOutput(REJECT_TAG, make_reject(
            article["input_ref"], "dedup", "duplicate",
            f"same {self.what} as {seen_ref}", article=article))

    @userstate.on_timer(EXPIRY)
    def expire(self, first: userstate.ReadModifyWriteRuntimeState = beam.DoFn.StateParam(FIRST),
               rejected: userstate.ReadModifyWriteRuntimeState = beam.DoFn.StateParam(REJECTED)) -> None:
        first.clear()
        rejected.clear()


def written_article_ids(output: str, since: dt.datetime) -> set[str]:
    """Ids of the articles already in `output` that were read since `since` (empty when none)."""
    import pyarrow.dataset as ds

    from schemas import ARTICLES

    try:
        table = ARTICLES.dataset(output).to_table(columns=["article_id"],
                                                   filter=ds.field("ingested_at") >= since)
    except (FileNotFoundError, OSError, ValueError) as e:
        LOG.info("no earlier articles under %s (%s)", output, e)
        return set()
    return set(table.column("article_id").to_pylist())


class _SkipWritten(beam.DoFn):
    """Drops articles a previous run already wrote to the output (within the TTL), so that a
    stopped or killed streaming job restarted on the same --output does not write them twice:
    the keyed state of a local runner does not survive the process."""

    def __init__(self, output: str, ttl_s: float) -> None:
        self.output = output
        self.ttl_s = ttl_s
        self.skipped = Metrics.counter("dedup", "already_in_output")
        self.ids: set[str] = set()

    def setup(self) -> None:
        since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=self.ttl_s)
        self.ids = written_article_ids(self.output, since)

    def process(self, article: dict[str, Any]) -> Iterable[dict[str, Any]]:
        if article["article_id"] in self.ids:
            self.skipped.inc()
            return
        yield article


class DropRepeats(beam.PTransform):
    """Streaming de-duplication across polls, feeds, folders and restarts, with keyed state.

    An article passes once per `article_id` (its canonical URL, or its text when it has no
    link) and once per content hash, within `ttl_s` of the key's last sighting. Beam's
    Deduplicate would do the first half but forces the legacy DirectRunner, which cannot run
    the tick source; this is two small stateful DoFns that every portable runner runs. With
    `output`, articles that output already holds (read within `ttl_s`) are dropped first: a
    restarted job does not repeat what the previous one wrote.
    Main output `unique`, plus `rejects`.
    """

    def __init__(self, ttl_s: float, output: str | None = None) -> None:
        super().__init__()
        self.ttl_s = ttl_s
        self.output = output

    def expand(self, articles: beam.PCollection) -> dict[str, beam.PCollection]:
        if self.output is not None:
            articles = articles | "NotWrittenBefore" >> beam.ParDo(_SkipWritten(self.output, self.ttl_s))
        by_id = (
            articles
            | "ById" >> beam.Map(lambda a: (a["article_id"], a)).with_output_types(KV[str, Any])
            | "FirstById" >> beam.ParDo(_FirstSighting("article_id", self.ttl_s))
            .with_outputs(REJECT_TAG, main="unique")
        )
        by_text = (
            by_id.unique
            | "ByText" >> beam.Map(lambda a: (content_key(a), a)).with_output_types(KV[str, Any])
            | "FirstByText" >> beam.ParDo(_FirstSighting("text", self.ttl_s))
            .with_outputs(REJECT_TAG, main="unique")
        )
        rejects = (by_id[REJECT_TAG], by_text[REJECT_TAG]) | "Rejects" >> beam.Flatten()
        return {"unique": by_text.unique, REJECT_TAG: rejects}
