"""Streaming mode for real: `python -m pipeline --streaming` on Prism against feeds that change.

A local feed server (127.0.0.1) changes its feeds while the job polls them:
new items, repeated items, an item that moves from one feed to another, 304s
for unchanged feeds, a 500 then recovery, a slow feed, a garbage body; files
are dropped into a watched folder, one of them a copy. While the job runs a
reader checks that every visible Parquet file has a footer and that DuckDB
can query the tables; then Ctrl-C (SIGINT to the CLI) must stop the job with
everything written. The checks read the Parquet back with DuckDB.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline import runners

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from feedserver import FeedServer, Item, Route  # noqa: E402

POLL_S = 2
MAX_RUNTIME_S = 240  # a safety net: the test stops the job with SIGINT long before

# Our own French dispatches (invented for this test).
ITEMS = {
    "a1": ("Rencontre entre les ministres à Rome",
           "Le ministre italien des affaires étrangères a reçu mardi son homologue espagnol à Rome. "
           "Les deux hommes ont discuté de la politique migratoire et de l'aide à l'Ukraine."),
    "a2": ("Manifestation d'agriculteurs à Lyon",
           "Plusieurs milliers d'agriculteurs ont manifesté jeudi dans les rues de Lyon pour réclamer "
           "une baisse des taxes sur le gazole et dénoncer la concurrence des importations."),
    "a3": ("Le Parlement européen adopte une résolution",
           "Le Parlement européen a adopté mercredi une résolution qui condamne la répression des "
           "opposants en Biélorussie et demande la libération des prisonniers politiques."),
    "a4": ("Grève dans les transports parisiens",
           "Les syndicats de la RATP ont appelé à une grève reconductible à partir de lundi, "
           "estimant que la direction refuse toute négociation sur les salaires."),
    "b1": ("Accord commercial entre le Japon et le Canada",
           "Le Japon et le Canada ont signé vendredi à Ottawa un accord de coopération sur les "
           "minerais critiques, selon un communiqué commun des deux gouvernements."),
    "f1": ("Le gouvernement allemand annonce une aide",
           "Le gouvernement allemand a annoncé lundi une aide d'urgence de cent millions d'euros "
           "pour les régions touchées par les inondations dans le sud du pays."),
    "s1": ("Ce fil est trop lent",
           "Ce texte ne doit jamais arriver, car le serveur répond après le délai autorisé par le "
           "pipeline, qui abandonne la requête et la rejette avec une raison."),
    "c1": ("Visite du président sénégalais à Paris",
           "Le président sénégalais a été reçu à l'Elysée par le chef de l'Etat français, avec qui il "
           "a évoqué la coopération militaire et la dette des pays africains."),
}


# When each item says it was published, hours ago (None: the feed gives no date).
PUBLISHED_H_AGO = {"b1": 30.0, "f1": None}
START = time.time()


def item(key: str) -> Item:
    title, text = ITEMS[key]
    hours = PUBLISHED_H_AGO.get(key, 1.0)
    return Item(key, title, text, published=None if hours is None else START - hours * 3600)


def drop_file(folder: Path, name: str, key: str) -> None:
    """Write elsewhere, then rename into the watched folder (what producers should do)."""
    title, text = ITEMS[key]
    tmp = folder.parent / f".{name}.tmp"
    tmp.write_text(json.dumps({"url": f"http://news.example/{key}", "title": title, "text": text,
                               "published": "2026-11-28T10:00:00Z"}, ensure_ascii=False) + "\n")
    os.replace(tmp, folder / name)


class Reader(threading.Thread):
    """Reads the output every 0.3 s while the job runs: every visible file must be complete."""

    def __init__(self, out: Path) -> None:
        super().__init__(daemon=True)
        self.out = out
        self.stop = threading.Event()
        self.problems: list[str] = []
        self.looks = 0
        self.most_files = 0

    def run(self) -> None:
        # its own DuckDB connection: the default one is shared with the test's thread, and a
        # connection busy in one thread refuses a call from another (ResourceInUseException)
        con = duckdb.connect()
        while not self.stop.is_set():
            files = sorted(self.out.glob("*/**/*.parquet"))
            for f in files:
                try:
                    pq.ParquetFile(f).metadata  # noqa: B018 - reads the footer
                except FileNotFoundError:
                    continue  # replaced between listing and reading: fine
                except Exception as e:  # noqa: BLE001
                    self.problems.append(f"{f}: {type(e).__name__}: {e}")
            if any(f.parts[len(self.out.parts)] == "articles" for f in files):
                try:
                    con.sql(f"SELECT count(*) FROM read_parquet('{self.out}/articles/**/*.parquet', "
                            "hive_partitioning = true)").fetchall()
                except duckdb.IOException as e:
                    if "No files found" not in str(e):
                        self.problems.append(f"DuckDB: {e}")
                except Exception as e:  # noqa: BLE001
                    self.problems.append(f"DuckDB: {type(e).__name__}: {e}")
            self.looks += 1
            self.most_files = max(self.most_files, len(files))
            time.sleep(0.3)
        con.close()


def titles(out: Path) -> list[str]:
    if not list(out.glob("articles/**/*.parquet")):
        return []
    with duckdb.connect() as con:  # (not the default connection, which the reader thread may hold)
        return [r[0] for r in con.sql(f"SELECT title FROM read_parquet('{out}/articles/**/*.parquet', "
                                      "hive_partitioning = true)").fetchall()]


def wait_for(predicate, timeout: float, what: str) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if predicate():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


@pytest.fixture(scope="module")
def streamed(tmp_path_factory):
    if runners.find_prism() is None:
        if shutil.which("go") is None:
            pytest.skip("streaming runs on Prism: needs Go to build it (`make prism`)")
        subprocess.run(["make", "prism"], cwd=ROOT, check=True)
    base = tmp_path_factory.mktemp("streaming")
    out, incoming = base / "out", base / "incoming"
    incoming.mkdir()
    with FeedServer() as server:
        server.set_items("/a.xml", [item("a2"), item("a1")])
        server.set_items("/b.xml", [item("b1")])
        server.set("/flaky.xml", Route(items=[item("f1")], fail_times=1))
        server.set("/slow.xml", Route(items=[item("s1")], delay_s=4.0))
        server.set("/junk.xml", Route(body=b"\x00\x01garbage, not a feed <<<"))
        feeds = [server.url(p) for p in ("/a.xml", "/b.xml", "/flaky.xml", "/slow.xml", "/junk.xml")]
        cmd = [sys.executable, "-m", "pipeline", "--streaming", *[f"--input={u}" for u in feeds],
               f"--input={incoming}/*.jsonl", f"--output={out}", f"--poll-interval={POLL_S}",
               "--write-window=2", f"--max-runtime={MAX_RUNTIME_S}", "--fetch_timeout=1.5",
               "--allow_private_hosts"]
        log = open(base / "job.log", "w")  # noqa: SIM115 - closed below
        started = time.time()
        job = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        reader = Reader(out)
        reader.start()
        try:
            wait_for(lambda: server.requests("/a.xml"), 120, "the first poll")
            drop_file(incoming, "c1.jsonl", "c1")
            time.sleep(3 * POLL_S)
            server.set_items("/a.xml", [item("a3"), item("a1")])  # a2 moves to feed B
            server.set_items("/b.xml", [item("a2"), item("b1")])
            time.sleep(3 * POLL_S)
            server.set_items("/a.xml", [item("a4"), item("a3"), item("a1")])
            drop_file(incoming, "c1-copy.jsonl", "c1")  # the same article under another file name
            expected = {ITEMS[k][0] for k in ("a1", "a2", "a3", "a4", "b1", "f1", "c1")}
            wait_for(lambda: expected <= set(titles(out)), 120, "every item in Parquet while running")
            seen_running = set(titles(out))
            time.sleep(3 * POLL_S)  # the copy and the moved item are read (and must be rejected)
            job.send_signal(signal.SIGINT)  # Ctrl-C
            code = job.wait(timeout=120)
        finally:
            if job.poll() is None:
                job.kill()
            reader.stop.set()
            reader.join()
            log.close()
        elapsed = time.time() - started
        first_end = time.time()
        requests = server.requests()
        # A second job on the same output, feeds unchanged: it must not write anything again, and
        # --max-runtime ends it by itself.
        again_started = time.time()
        again = subprocess.run([*[c for c in cmd if not c.startswith("--max-runtime")], "--max-runtime=20"],
                               cwd=ROOT, capture_output=True, text=True, timeout=180)
        again_elapsed = time.time() - again_started
    return {"out": out, "code": code, "started": started, "elapsed": elapsed, "requests": requests, "reader": reader,
            "seen_running": seen_running, "feeds": feeds, "log": (base / "job.log").read_text(),
            "again": again, "again_elapsed": again_elapsed, "first_end": first_end}


def _sql(out: Path, table: str, query: str) -> list[tuple]:
    src = f"read_parquet('{out}/{table}/**/*.parquet', hive_partitioning = true)"
    with duckdb.connect() as con:
        return con.sql(query.format(src=src)).fetchall()


@pytest.mark.slow
def test_ctrl_c_stops_gracefully(streamed) -> None:
    assert streamed["code"] == 0, streamed["log"][-3000:]
    assert streamed["elapsed"] < MAX_RUNTIME_S, "stopped by the deadline, not by Ctrl-C"
    assert "stopping" in streamed["log"]


@pytest.mark.slow
def test_max_runtime_ends_a_job_and_a_restart_writes_nothing_twice(streamed) -> None:
    again = streamed["again"]
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
    assert 20 <= streamed["again_elapsed"] < 120
    assert "streaming job ended" in again.stdout
    # Every item was read again by the new job (its state starts empty) and skipped: still one row each.
    rows = _sql(streamed["out"], "articles", "SELECT count(*), count(DISTINCT article_id) FROM {src}")
    assert rows == [(7, 7)]


@pytest.mark.slow
def test_every_distinct_item_exactly_once(streamed) -> None:
    out = streamed["out"]
    rows = _sql(out, "articles", "SELECT title, count(*) FROM {src} GROUP BY title ORDER BY title")
    expected = sorted(ITEMS[k][0] for k in ("a1", "a2", "a3", "a4", "b1", "f1", "c1"))
    assert rows == [(t, 1) for t in expected]
    assert streamed["seen_running"] >= set(expected)  # visible while the job was still running
    ids = _sql(out, "articles", "SELECT count(DISTINCT article_id), count(*) FROM {src}")
    assert ids == [(7, 7)]
    # Entities and events come from the same parse: each article has its entities once.
    dup_entities = _sql(out, "entities", "SELECT entity_id FROM {src} GROUP BY entity_id HAVING count(*) > 1")
    assert dup_entities == []


@pytest.mark.slow
def test_bad_responses_are_rejects_with_reasons(streamed) -> None:
    out = streamed["out"]
    a, b, flaky, slow, junk = streamed["feeds"]
    # The first job's rejects (the restarted job polls the failing feeds again, with fresh state).
    rows = _sql(out, "rejects", "SELECT input_ref, reason, detail FROM {src} "
                f"WHERE epoch(rejected_at) <= {streamed['first_end']} ORDER BY reason, input_ref")
    by = {(ref.split("#")[0], reason) for ref, reason, _ in rows}
    assert (flaky, "fetch_failed") in by
    assert (slow, "fetch_timeout") in by
    assert any(ref == junk and reason in ("malformed_feed", "not_a_feed") for ref, reason in by)
    # The slow feed failed at several polls, but the same problem gives one row.
    assert sum(1 for ref, reason, _ in rows if ref == slow) == 1, [r for r in rows if r[0] == slow]
    duplicates = [(ref, detail) for ref, reason, detail in rows if reason == "duplicate"]
    assert any(ref.startswith(b) and f"as {a}#" in detail for ref, detail in duplicates), duplicates  # a2: A -> B
    assert any(ref.split("#")[0].endswith("c1-copy.jsonl") for ref, _ in duplicates), duplicates
    # (one reject per duplicated item: a feed read again, whose unchanged item is rejected again
    # with the same reason, is the same duplicate)
    assert len(set(duplicates)) == 2, duplicates
    assert not any(t == ITEMS["s1"][0] for (t,) in _sql(out, "articles", "SELECT title FROM {src}"))


@pytest.mark.slow
def test_polite_conditional_polling(streamed) -> None:
    requests = streamed["requests"]
    a = [r for r in requests if r.path == "/a.xml"]
    assert any(r.status == 304 and r.conditional for r in a), "unchanged feed answered 304"
    for path in ("/a.xml", "/b.xml", "/junk.xml"):
        times = [r.at for r in requests if r.path == path]
        gaps = [t2 - t1 for t1, t2 in zip(times, times[1:], strict=False)]
        # Half an interval, less 0.5 s of scheduling jitter: the feed server shares this process with
        # the Parquet reader thread, and on 2 busy cores two polls 1 s apart have been stamped 0.6 s
        # apart. Ticks queued into a burst would come milliseconds apart, and still fail this.
        assert len(times) >= 3 and min(gaps) >= POLL_S / 2 - 0.5, (path, gaps)
        assert len(times) <= streamed["elapsed"] / POLL_S + 1
    # The flaky feed failed once, was retried at the next poll and then served its item.
    flaky = [r.status for r in requests if r.path == "/flaky.xml"]
    assert flaky[0] == 500 and flaky[1] == 200
    # The slow feed backs off 1, 2, 4, 8… polls: requests at ticks 0, 1, 3, 7, 15…, so n requests
    # need a last tick k >= 2^(n-1) - 1. Tick k fires no earlier than k intervals after the job
    # started, whatever the load, so (time of the last request - start) / interval bounds k from
    # above (measuring from the first slow request did not: on a loaded machine it can be late).
    slow = [r for r in requests if r.path == "/slow.xml"]
    last_tick = (slow[-1].at - streamed["started"]) / POLL_S
    assert 2 <= len(slow) <= math.floor(math.log2(last_tick + 1)) + 1, (len(slow), last_tick)


@pytest.mark.slow
def test_no_unreadable_file_at_any_moment(streamed) -> None:
    reader = streamed["reader"]
    assert reader.problems == []
    assert reader.looks > 20 and reader.most_files > 0
    out = streamed["out"]
    hidden = [p for p in out.rglob(".*") if p.is_file() and "inprogress" in p.name]
    assert hidden == []
    result = subprocess.run([sys.executable, "-m", "pipeline", "validate", "--output", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_late_and_undated_articles_land_in_the_right_day(streamed) -> None:
    import datetime as dt

    def day(t: float) -> dt.date:
        return dt.datetime.fromtimestamp(t, dt.timezone.utc).date()

    rows = dict(((t, (d, s)) for t, d, s in _sql(streamed["out"], "articles",
                                                  "SELECT title, date, published_at_status FROM {src}")))
    # Published 30 hours before it was read: its own day's partition (allowed lateness 2 days).
    assert rows[ITEMS["b1"][0]] == (day(START - 30 * 3600), "ok")
    # No date in the feed: the ingestion day, flagged.
    assert rows[ITEMS["f1"][0]] in {(day(START), "missing"), (day(time.time()), "missing")}  # around midnight
    assert rows[ITEMS["a1"][0]] == (day(START - 3600), "ok")
