"""Streaming mode, piece by piece: polling, backoff, folders, dedup state, windows, compaction."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
import time
from pathlib import Path

import apache_beam as beam
import duckdb
import pytest
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from pipeline.compact import compact
from pipeline.options import duration
from schemas import ENTITIES, EVENTS
from transforms.dedup import DropRepeats, content_key, origin
from transforms.polling import FeedState, _PollFeed, backoff_ticks, poll_feed, retry_after_seconds, settled_files
from transforms.rejects import REJECT_TAG
from transforms.sinks import file_name, write_partition
from transforms.sources import SourceConfig
from transforms.ticks import Clock
from transforms.windows import DAY_S, row_timestamp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from feedserver import FeedServer, Item, Route  # noqa: E402

CFG = SourceConfig(timeout_s=1.0, allow_private_hosts=True)
TEXT = ("Le ministre des affaires étrangères a rencontré son homologue à Rome pour parler "
        "de la guerre et des sanctions, a indiqué son cabinet dans un communiqué.")


def test_durations() -> None:
    assert duration("90") == 90.0
    assert duration("90s") == 90.0
    assert duration("15m") == 900.0
    assert duration("2h") == 7200.0
    assert duration("7d") == 7 * 86400.0
    assert duration("250ms") == 0.25
    for bad in ("", "soon", "-3s", "0"):
        with pytest.raises(Exception, match="duration"):
            duration(bad)


def test_backoff_doubles_up_to_the_cap_and_honours_retry_after() -> None:
    assert [backoff_ticks(n, 60.0) for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert backoff_ticks(30, 60.0, max_backoff_s=600.0) == 10  # capped at 10 minutes of 60 s ticks
    assert backoff_ticks(1, 60.0, retry_after_s=300.0) == 5
    assert retry_after_seconds("120", time.time()) == 120.0
    assert retry_after_seconds("demain", time.time()) is None
    in_a_minute = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 60))
    assert 55 <= retry_after_seconds(in_a_minute, time.time()) <= 61


def test_clock_stops_at_deadline_or_stop_file(tmp_path: Path) -> None:
    stop = tmp_path / "stop"
    clock = Clock(start=1000.0, interval_s=10.0, deadline=1095.0, stop_file=str(stop))
    assert clock.ticks() == 10
    assert clock.tick_time(3) == 1030.0
    assert (clock.due_index(990.0), clock.due_index(1000.0), clock.due_index(1039.9)) == (0, 0, 3)
    assert not clock.stopped(1050.0)
    assert clock.stopped(1095.0)
    stop.write_text("")
    assert clock.stopped(1001.0)


def test_conditional_get_then_304_then_new_items() -> None:
    with FeedServer() as server:
        server.set_items("/a.xml", [Item("a1", "Rencontre à Rome", TEXT)])
        url = server.url("/a.xml")
        state, records, outcome = poll_feed(url, 0, FeedState(), CFG, 60.0)
        assert outcome == "read" and len(records) == 1 and records[0]["url"] == "http://news.example/a1"
        assert state.etag and state.last_modified and state.next_tick == 1
        assert poll_feed(url, 1, state, CFG, 60.0)[2] == "skipped"  # 30 s must pass between requests
        state, records, outcome = poll_feed(url, 1, state, CFG, 60.0, now=time.time() + 60)
        assert (outcome, records) == ("not_modified", [])
        last = server.requests("/a.xml")[-1]
        assert last.status == 304 and last.conditional
        server.set_items("/a.xml", [Item("a2", "Nouvelle rencontre", TEXT + " Encore."),
                                    Item("a1", "Rencontre à Rome", TEXT)])
        state, records, outcome = poll_feed(url, 2, state, CFG, 60.0, now=time.time() + 120)
        assert outcome == "read" and {r["url"] for r in records} == {"http://news.example/a1", "http://news.example/a2"}


def test_a_failing_feed_backs_off_and_rejects_once_per_problem() -> None:
    with FeedServer() as server:
        server.set("/down.xml", Route(status=503, headers={"Retry-After": "120"}))
        url = server.url("/down.xml")
        state, records, outcome = poll_feed(url, 0, FeedState(), CFG, 60.0)
        assert outcome == "failed" and state.failures == 1
        assert records[0][REJECT_TAG]["reason"] == "fetch_failed" and "HTTP 503" in records[0][REJECT_TAG]["detail"]
        assert state.next_tick == 2  # Retry-After 120 s = two 60 s ticks
        skipped = poll_feed(url, 1, state, CFG, 60.0, now=time.time() + 60)
        assert skipped[2] == "skipped" and len(server.requests("/down.xml")) == 1  # polite: not asked
        state, records, outcome = poll_feed(url, 2, state, CFG, 60.0, now=time.time() + 120)
        assert outcome == "failed" and records == [] and state.failures == 2  # same problem: no new row
        server.set_items("/down.xml", [Item("b1", "Retour du fil", TEXT)])
        state, records, outcome = poll_feed(url, state.next_tick, state, CFG, 60.0, now=time.time() + 600)
        assert outcome == "read" and state.failures == 0 and state.last_problem is None


def test_slow_and_garbage_feeds_are_rejects_with_reasons() -> None:
    with FeedServer() as server:
        server.set("/slow.xml", Route(items=[Item("s1", "Lent", TEXT)], delay_s=2.5))
        server.set("/junk.xml", Route(body=b"\x00\x01 pas un flux <<<"))
        _, slow, outcome = poll_feed(server.url("/slow.xml"), 0, FeedState(), CFG, 60.0)
        assert outcome == "failed" and slow[0][REJECT_TAG]["reason"] == "fetch_timeout"
        state, junk, outcome = poll_feed(server.url("/junk.xml"), 0, FeedState(), CFG, 60.0)
        assert outcome == "rejected" and junk[0][REJECT_TAG]["reason"] in ("malformed_feed", "not_a_feed")
        assert state.etag is None  # a rejected body is asked for in full next time
        _, again, outcome = poll_feed(server.url("/junk.xml"), 1, state, CFG, 60.0, now=time.time() + 60)
        assert outcome == "rejected" and again == []


def test_half_an_interval_counts_from_the_answer_not_the_request() -> None:
    # a feed that answers in 0.8 s, polled every 2 s: the next request may leave 1 s after the
    # answer, so the server never sees two requests less than a second apart
    with FeedServer() as server:
        server.set("/late.xml", Route(items=[Item("l1", "En retard", TEXT)], delay_s=0.8))
        url = server.url("/late.xml")
        state, _, outcome = poll_feed(url, 0, FeedState(), CFG, 2.0, now=1000.0)
        assert outcome == "read" and state.last_request >= 1000.7, state.last_request
        assert poll_feed(url, 1, state, CFG, 2.0, now=1001.2)[2] == "skipped"  # 1.2 s after asking
        assert poll_feed(url, 1, state, CFG, 2.0, now=state.last_request + 1.0)[2] != "skipped"


class _StaleState:
    """A keyed state the runner hands back without the last write (seen once under load)."""

    def read(self) -> None:
        return None

    def write(self, value: FeedState) -> None:
        self.written = value


def test_a_stale_feed_state_does_not_make_the_worker_ask_twice() -> None:
    with FeedServer() as server:
        server.set_items("/s.xml", [Item("s1", "Rencontre à Rome", TEXT)])
        url = server.url("/s.xml")
        poll = _PollFeed(CFG, 60.0, 600.0)
        first = list(poll.process((url, 0), _StaleState()))
        again = _StaleState()
        second = list(poll.process((url, 1), again))
        assert len(first) == 1 and second == [], second
        assert len(server.requests("/s.xml")) == 1
        assert again.written.last_request > 0  # what the worker knew is written back


def test_a_stale_feed_state_does_not_cut_a_backoff_short() -> None:
    # a failing feed, polled every 0.01 s so that only the backoff can hold the worker back: it
    # failed at tick 0 (wait 1 tick) and at tick 1 (wait 2), so tick 2 must not ask it, even when
    # the runner hands the poll a state without those failures
    with FeedServer() as server:
        server.set("/down.xml", Route(items=[Item("d1", "Panne", TEXT)], fail_times=10))
        url = server.url("/down.xml")
        poll = _PollFeed(CFG, 0.01, 600.0)
        for tick in (0, 1, 2):
            stale = _StaleState()
            records = list(poll.process((url, tick), stale))
            time.sleep(0.05)
        assert len(server.requests("/down.xml")) == 2
        assert records == [] and stale.written.failures == 2 and stale.written.next_tick == 3


def test_a_feed_is_asked_once_at_a_time() -> None:
    # a feed that times out (1 s) takes longer than half an interval (0.5 s): a poll of the next tick
    # handed to another thread while the first request is under way must not ask it again, or
    # both read the same failure count and the backoff loses a step
    with FeedServer() as server:
        server.set("/slow.xml", Route(items=[Item("s1", "Lent", TEXT)], delay_s=3.0))
        url = server.url("/slow.xml")
        poll = _PollFeed(CFG, 1.0, 600.0)
        first, second = _StaleState(), _StaleState()
        worker = threading.Thread(target=lambda: list(poll.process((url, 0), first)))
        worker.start()
        until = time.time() + 10
        while url not in _PollFeed._in_flight and time.time() < until:
            time.sleep(0.01)
        time.sleep(0.6)  # past half an interval, the first request still waiting for its answer
        assert list(poll.process((url, 1), second)) == []
        worker.join()
        assert first.written.failures == 1 and first.written.next_tick == 1
        # once answered, the next tick asks again and counts a second failure
        time.sleep(0.6)  # (half an interval after the answer)
        third = _StaleState()
        list(poll.process((url, 1), third))
        assert third.written.failures == 2
        until = time.time() + 15  # the server logs a request once its (delayed) answer is sent
        while len(server.requests("/slow.xml")) < 2 and time.time() < until:
            time.sleep(0.1)
        time.sleep(0.5)
        assert len(server.requests("/slow.xml")) == 2


def test_settled_files_skip_hidden_and_fresh_files(tmp_path: Path) -> None:
    old = tmp_path / "old.jsonl"
    old.write_text("{}\n")
    os.utime(old, (time.time() - 30, time.time() - 30))
    (tmp_path / "fresh.jsonl").write_text("{}\n")
    (tmp_path / ".partial.jsonl").write_text("{}\n")
    found = settled_files(str(tmp_path / "*.jsonl"), time.time(), settle_s=5.0)
    assert [Path(p).name for p, _ in found] == ["old.jsonl"]
    assert found[0][1][0] == old.stat().st_size
    assert settled_files(str(tmp_path / "nothing-here" / "*.jsonl"), time.time(), 5.0) == []


def _article(url: str, feed: str, text: str = TEXT) -> dict:
    from transforms.sources import make_article

    art = make_article(input_ref=f"{feed}#0", url=url, title="Titre", body=text, feed_url=feed,
                       ingested_at=dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc))
    assert art is not None
    return art


def test_keyed_dedup_across_polls_feeds_and_urls() -> None:
    a1 = _article("http://news.example/a1", "http://feeds/A")
    twice = _article("http://news.example/a1", "http://feeds/A")  # listed twice in the same poll
    again = {**a1, "ingested_at": a1["ingested_at"] + dt.timedelta(minutes=1)}  # the next poll
    moved = _article("http://news.example/a1", "http://feeds/B")
    # feed B still lists it at its next poll: the same problem, not a second reject
    moved_again = {**moved, "ingested_at": moved["ingested_at"] + dt.timedelta(minutes=2)}
    copy = _article("http://news.example/copy-of-a1", "http://feeds/B")  # same text, other URL
    other = _article("http://news.example/a2", "http://feeds/B", TEXT + " Autre chose.")
    assert origin(moved) == "http://feeds/B" and content_key(copy) == content_key(a1)
    with TestPipeline(runner="FnApiRunner") as p:
        out = (p | beam.Create([a1, twice, again, moved, moved_again, copy, other]) | DropRepeats(ttl_s=3600.0))
        assert_that(out["unique"] | "U" >> beam.Map(lambda a: a["url"]),
                    equal_to(["http://news.example/a1", "http://news.example/a2"]), label="unique")
        assert_that(out[REJECT_TAG] | "R" >> beam.Map(lambda r: (r["reason"], r["detail"].split(" as ")[0])),
                    equal_to([("duplicate", "same article_id")] * 2 + [("duplicate", "same text")]),
                    label="rejects")


def test_rows_are_stamped_in_their_day_unless_too_late_or_future() -> None:
    now = dt.datetime(2026, 11, 29, 18, 0, tzinfo=dt.timezone.utc).timestamp()
    noon_28 = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.timezone.utc).timestamp()
    assert row_timestamp({"date": "2026-11-28"}, now, 2 * DAY_S) == (noon_28, True)
    assert row_timestamp({"date": "2026-11-29"}, now, 2 * DAY_S) == (now - 6 * 3600, True)
    early = dt.datetime(2026, 11, 29, 3, 0, tzinfo=dt.timezone.utc).timestamp()
    assert row_timestamp({"date": "2026-11-29"}, early, 2 * DAY_S) == (early, True)  # never ahead of now
    assert row_timestamp({"date": "2022-01-21"}, now, 2 * DAY_S) == (now, False)
    assert row_timestamp({"date": "2026-12-05"}, now, 2 * DAY_S) == (now, False)
    assert row_timestamp({"date": None}, now, 2 * DAY_S) == (now, False)


def test_pane_file_names_are_deterministic() -> None:
    rows = [{"event_id": "e1", "article_id": "x"}, {"event_id": "e2", "article_id": "y"}]
    assert file_name(EVENTS, rows, "20261129-p0003") == file_name(EVENTS, list(reversed(rows)), "20261129-p0003")
    assert file_name(EVENTS, rows, "20261129-p0003").startswith("part-20261129-p0003-")
    assert file_name(EVENTS, rows, "20261129-p0003") != file_name(EVENTS, rows, "20261129-p0004")


def _entity(i: int, day: str) -> dict:
    """An entities row (the sink's and compaction's input), as the pipeline makes them."""
    return {"entity_id": f"e{i}", "article_id": f"a{i % 3}", "mention": f"m{i}", "label": "PER",
            "start_char": i, "end_char": i + 1, "sentence_index": 0, "canonical_name": None,
            "actor_code": "USA", "country": "USA", "sector": None, "resolution": "gazetteer",
            "confidence": 1.0, "published_at": dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc),
            "schema_version": 1, "date": day, "actor": "USA"}


def test_compact_merges_small_files_without_changing_rows(tmp_path: Path) -> None:
    day = "2026-11-20"
    rows = [_entity(i, day) for i in range(8)]
    out = str(tmp_path)
    part = f"date={day}/actor=USA"
    for i, chunk in enumerate([rows[:3], rows[3:5], rows[5:]]):
        write_partition(ENTITIES, out, part, chunk, pane=f"20261120-p{i:04d}")
    glob = f"{out}/entities/**/*.parquet"

    def table() -> list:
        return sorted(duckdb.sql(f"SELECT * FROM read_parquet('{glob}', hive_partitioning = true)").fetchall(),
                      key=repr)

    before = table()
    assert len(list((tmp_path / "entities" / f"date={day}" / "actor=USA").glob("*.parquet"))) == 3
    assert compact(out, ["entities"], older_than_s=1.0, dry_run=True)[0].files_before == 3
    assert table() == before
    assert compact(out, ["entities"], older_than_s=10 * 365 * 86400.0) == []  # too recent: untouched
    [done] = compact(out, ["entities"], older_than_s=1.0)
    assert done.files_before == 3 and done.rows == len(rows)
    assert [p.name for p in (tmp_path / "entities" / f"date={day}" / "actor=USA").iterdir()] == [Path(done.path).name]
    assert table() == before


def test_a_restarted_job_skips_what_the_output_already_holds(tmp_path: Path) -> None:
    from schemas import ARTICLES
    from transforms.dedup import written_article_ids

    a1 = _article("http://news.example/a1", "http://feeds/A")
    a2 = _article("http://news.example/a2", "http://feeds/A", TEXT + " Deuxième dépêche.")
    a1["ingested_at"] = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)
    old = _article("http://news.example/old", "http://feeds/A", TEXT + " Très ancienne.")
    old["ingested_at"] = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=30)
    rows = [{**a, "language": "fr", "language_prob": 0.99, "word_count": 10, "sentence_count": 1,
             "date": "2026-01-02"} for a in (a1, old)]
    write_partition(ARTICLES, str(tmp_path), "date=2026-01-02", rows, pane="20260102-p0000")
    since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=7)
    assert written_article_ids(str(tmp_path), since) == {a1["article_id"]}  # `old` is past the TTL
    assert written_article_ids(str(tmp_path / "nothing"), since) == set()
    again_a1 = _article("http://news.example/a1", "http://feeds/B")
    with TestPipeline(runner="FnApiRunner") as p:
        out = p | beam.Create([again_a1, a2]) | DropRepeats(ttl_s=7 * 86400.0, output=str(tmp_path))
        assert_that(out["unique"] | beam.Map(lambda a: a["url"]), equal_to(["http://news.example/a2"]))
