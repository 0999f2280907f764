"""Streaming sources: feeds polled on every tick, folders watched for new files.

Feeds. Each feed URL is a key with its own state (`FeedState`): the
validators of its last answer (ETag, Last-Modified) for a conditional GET,
its run of failures and the first tick it may be asked again. This gives:
- politeness: at most one request per feed per tick, ticks being one poll
  interval apart, and never two within half an interval (ticks that queued up
  behind a slow stage do not become a burst). Each worker process also keeps its
  latest state per feed, so a stale state from the runner can neither make it
  ask twice nor cut a backoff short (`poll.stale_state` counts such states), and
  asks a feed once at a time: a poll handed to another thread while a request
  to the same feed is under way is skipped (`poll.in_flight`);
- conditional GET: an unchanged feed answers 304, read as "nothing new";
- backoff: after n failures in a row the feed waits 2^(n-1) ticks (capped at
  `max_backoff_s`), or what the server's Retry-After asks, whichever is longer;
- one reject per problem, not one per poll: a feed failing the same way at
  every poll gives one reject row, then a counter (`poll.same_problem`).
The per-request timeout and size cap are the batch mode's (`SourceConfig`).

Folders. Each tick expands the globs; a file is read once per version (path,
size, modification time). Files changed in the last `settle_s` seconds wait
for the next tick, so a file still being copied is not read half-written (the
safest is still to write elsewhere and rename into the folder). What a file
holds is parsed exactly as in batch mode.

Memory: a file's state expires `ttl_s` after the file was last seen in its
folder (event-time timers, which also fire at once when the job ends).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import math
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, ClassVar

import apache_beam as beam
from apache_beam.coders import PickleCoder
from apache_beam.metrics import Metrics
from apache_beam.transforms import userstate
from apache_beam.typehints import KV
from apache_beam.utils.timestamp import Duration

from transforms.dates import now_utc
from transforms.rejects import REJECT_TAG, make_reject
from transforms.sources import (
    FetchError,
    SourceConfig,
    fetch,
    is_url,
    parse_feed,
    read_input,
)

# Longest wait after failures, whatever their number (seconds).
MAX_BACKOFF_S = 3600.0


@dataclass(frozen=True)
class FeedState:
    """What vigie remembers about one feed between polls."""

    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0  # failed polls in a row
    next_tick: int = 0  # first tick at which the feed may be asked again
    last_problem: str | None = None  # "reason: detail" of the last failed or rejected poll
    last_request: float = 0.0  # wall-clock time of the last request


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Retry-After as seconds from now (delta-seconds or an HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, when.timestamp() - now)


def backoff_ticks(failures: int, interval_s: float, max_backoff_s: float = MAX_BACKOFF_S,
                  retry_after_s: float | None = None) -> int:
    """Ticks to wait after `failures` failed polls in a row: 1, 2, 4, … capped; at least Retry-After."""
    cap = max(1, math.floor(max_backoff_s / interval_s))
    ticks = min(2 ** max(0, failures - 1), cap)
    if retry_after_s is not None:
        ticks = max(ticks, min(math.ceil(retry_after_s / interval_s), cap))
    return max(1, ticks)


def _validators(state: FeedState) -> dict[str, str]:
    out = {}
    if state.etag:
        out["If-None-Match"] = state.etag
    if state.last_modified:
        out["If-Modified-Since"] = state.last_modified
    return out


def poll_feed(url: str, tick: int, state: FeedState, cfg: SourceConfig, interval_s: float,
              max_backoff_s: float = MAX_BACKOFF_S, ingested_at: dt.datetime | None = None,
              now: float | None = None) -> tuple[FeedState, list[dict[str, Any]], str]:
    """One poll of one feed at `tick`: the new state, the records (articles and rejects, as
    `read_input` gives them) and what happened: skipped, not_modified, read, failed or rejected.
    Never raises for a bad feed.

    Politeness: a feed is asked at most once per tick, and never within half an interval of
    its last answer (ticks queued behind a slow stage are not turned into a burst of requests;
    counting from the answer, not the request, keeps that true when a request was slow to leave).
    """
    started = time.time()
    now = started if now is None else now
    if tick < state.next_tick or now - state.last_request < interval_s / 2:
        return state, [], "skipped"
    ingested_at = ingested_at or now_utc()

    def answered() -> float:  # the caller's clock, advanced by the time the request took
        return now + (time.time() - started)

    try:
        fetched = fetch(url, cfg, _validators(state))
    except Exception as e:  # noqa: BLE001 - a feed that breaks in a new way is a reject too
        reason = e.reason if isinstance(e, FetchError) else "fetch_failed"
        detail = str(e) if isinstance(e, FetchError) else f"{type(e).__name__}: {e}"
        problem = f"{reason}: {detail}"
        failures = state.failures + 1
        retry_after = retry_after_seconds(getattr(e, "retry_after", None), time.time())
        wait = backoff_ticks(failures, interval_s, max_backoff_s, retry_after)
        new = replace(state, failures=failures, next_tick=tick + wait, last_problem=problem, last_request=answered())
        records = [] if problem == state.last_problem else [
            {REJECT_TAG: make_reject(url, "source", reason, f"{detail} (next try in {wait} poll(s))")}]
        return new, records, "failed"
    if fetched.status == 304:
        return replace(state, failures=0, next_tick=tick + 1, last_problem=None, last_request=answered()), [], \
            "not_modified"
    if not fetched.data.strip():
        records = [{REJECT_TAG: make_reject(url, "source", "empty_input", "empty response")}]
    else:
        records = list(parse_feed(fetched.data, url, ingested_at, fetched.content_type))
    feed_problem = None
    if len(records) == 1 and REJECT_TAG in records[0]:
        r = records[0][REJECT_TAG]
        feed_problem = f"{r['reason']}: {r.get('detail')}"
    new = FeedState(
        # A rejected body is not cached: the next poll asks for the whole feed again.
        etag=None if feed_problem else fetched.etag,
        last_modified=None if feed_problem else fetched.last_modified,
        failures=0, next_tick=tick + 1, last_problem=feed_problem, last_request=answered())
    if feed_problem is not None:
        return new, ([] if feed_problem == state.last_problem else records), "rejected"
    return new, records, "read"


class _PollFeed(beam.DoFn):
    """(feed URL, tick) in, that feed's articles and rejects out; state per feed."""

    FEED = userstate.ReadModifyWriteStateSpec("feed", PickleCoder())
    # This worker process's latest state per feed: a second guard under the keyed state. Under
    # load a runner has handed a poll a stale state (two requests 0.6 s apart, the feed read
    # twice; a slow feed asked again before its backoff ran out); neither politeness nor backoff
    # should rest on the runner's state alone. (Each worker process has its own.)
    _latest: ClassVar[dict[str, FeedState]] = {}
    # Feeds this process is asking right now. A request can outlast half an interval (a feed that
    # times out), and a runner has handed the next tick's poll of the same feed to another thread
    # meanwhile: both read the same failure count, asked, and the backoff lost a step.
    _in_flight: ClassVar[set[str]] = set()
    _latest_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, cfg: SourceConfig, interval_s: float, max_backoff_s: float) -> None:
        self.cfg = cfg
        self.interval_s = interval_s
        self.max_backoff_s = max_backoff_s
        self.items = Metrics.counter("source", "items_read")
        self.same_problem = Metrics.counter("poll", "same_problem")
        self.stale_state = Metrics.counter("poll", "stale_state")

    def process(self, keyed: tuple[str, int],
                feed: userstate.ReadModifyWriteRuntimeState = beam.DoFn.StateParam(FEED)) -> Iterable[Any]:
        url, tick = keyed
        state = feed.read() or FeedState()
        with self._latest_lock:
            known = self._latest.get(url)
            if known is not None and known.last_request > state.last_request:
                self.stale_state.inc()  # this process asked the feed since: its state is the newer
                state = known
            if url in self._in_flight:
                # asked by another thread right now: this tick's poll is that one
                Metrics.counter("poll", "skipped").inc()
                Metrics.counter("poll", "in_flight").inc()
                return
            now = time.time()
            taken = tick >= state.next_tick and now - state.last_request >= self.interval_s / 2
            if taken:
                self._latest[url] = replace(state, last_request=now)
                self._in_flight.add(url)
        try:
            new, records, outcome = poll_feed(url, tick, state, self.cfg, self.interval_s, self.max_backoff_s,
                                              now=now)
        finally:
            if taken:
                with self._latest_lock:
                    self._in_flight.discard(url)
        with self._latest_lock:
            known = self._latest.get(url)
            if known is None or new.last_request >= known.last_request:
                self._latest[url] = new
        feed.write(new)
        Metrics.counter("poll", outcome).inc()
        if outcome in ("failed", "rejected") and not records:
            self.same_problem.inc()
        yield from _route(records, self.items)


def _route(records: Iterable[dict[str, Any]], items: Any) -> Iterator[Any]:
    for rec in records:
        items.inc()
        if REJECT_TAG in rec:
            Metrics.counter("rejected", rec[REJECT_TAG]["reason"]).inc()
            yield beam.pvalue.TaggedOutput(REJECT_TAG, rec[REJECT_TAG])
        else:
            yield rec


def settled_files(pattern: str, now: float, settle_s: float) -> list[tuple[str, tuple[int, float]]]:
    """Files matching `pattern` not modified in the last `settle_s` seconds, with (size, mtime)."""
    from apache_beam.io.filesystems import FileSystems

    try:
        metadata = FileSystems.match([pattern])[0].metadata_list
    except Exception:  # noqa: BLE001 - a folder that does not exist yet is just empty
        return []
    out = []
    for m in metadata:
        if os.path.basename(m.path).startswith("."):
            continue  # hidden: temporary files of writers, ours included
        mtime = float(m.last_updated_in_seconds or 0.0)
        if now - mtime < settle_s:
            continue
        out.append((m.path, (int(m.size_in_bytes), mtime)))
    return sorted(out)


class _ListFolder(beam.DoFn):
    def __init__(self, settle_s: float) -> None:
        self.settle_s = settle_s

    def process(self, pattern: str) -> Iterable[tuple[str, tuple[int, float]]]:
        yield from settled_files(pattern, time.time(), self.settle_s)


class _ReadNewFile(beam.DoFn):
    """(path, version) in; the file's articles and rejects out, once per version."""

    SEEN = userstate.ReadModifyWriteStateSpec("seen", PickleCoder())
    EXPIRY = userstate.TimerSpec("expiry", userstate.TimeDomain.WATERMARK)

    def __init__(self, cfg: SourceConfig, ttl_s: float) -> None:
        self.cfg = cfg
        self.ttl_s = ttl_s
        self.items = Metrics.counter("source", "items_read")
        self.files = Metrics.counter("watch", "files_read")

    def process(self, keyed: tuple[str, tuple[int, float]],
                ts: Any = beam.DoFn.TimestampParam,
                seen: userstate.ReadModifyWriteRuntimeState = beam.DoFn.StateParam(SEEN),
                expiry: userstate.RuntimeTimer = beam.DoFn.TimerParam(EXPIRY)) -> Iterable[Any]:
        path, version = keyed
        expiry.set(ts + Duration(seconds=self.ttl_s))
        if seen.read() == version:
            return
        seen.write(version)
        self.files.inc()
        yield from _route(read_input(path, self.cfg), self.items)

    @userstate.on_timer(EXPIRY)
    def expire(self, seen: userstate.ReadModifyWriteRuntimeState = beam.DoFn.StateParam(SEEN)) -> None:
        seen.clear()


class PollInputs(beam.PTransform):
    """Ticks in; articles (main) and `rejects` from every feed URL and watched glob."""

    def __init__(self, specs: list[str], cfg: SourceConfig, interval_s: float, ttl_s: float,
                 settle_s: float = 1.0, max_backoff_s: float = MAX_BACKOFF_S) -> None:
        super().__init__()
        self.feeds = sorted({s for s in specs if is_url(s)})
        self.globs = sorted({s for s in specs if not is_url(s)})
        self.cfg = cfg
        self.interval_s = interval_s
        self.ttl_s = ttl_s
        self.settle_s = settle_s
        self.max_backoff_s = max_backoff_s

    def expand(self, ticks: beam.PCollection) -> tuple[beam.PCollection, beam.PCollection]:
        feeds, globs = self.feeds, self.globs
        polled = (
            ticks
            | "EachFeed" >> beam.FlatMap(lambda t: [(url, t) for url in feeds])
            .with_output_types(KV[str, int])
            | "Poll" >> beam.ParDo(_PollFeed(self.cfg, self.interval_s, self.max_backoff_s))
            .with_outputs(REJECT_TAG, main="articles")
        )
        files = (
            ticks
            | "EachGlob" >> beam.FlatMap(lambda _: globs)
            | "List" >> beam.ParDo(_ListFolder(self.settle_s)).with_output_types(KV[str, Any])
            | "ReadOnce" >> beam.ParDo(_ReadNewFile(self.cfg, self.ttl_s)).with_outputs(REJECT_TAG, main="articles")
        )
        articles = (polled.articles, files.articles) | "Articles" >> beam.Flatten()
        rejects = (polled[REJECT_TAG], files[REJECT_TAG]) | "Rejects" >> beam.Flatten()
        return articles, rejects

