"""Streaming latency and memory: from an item's appearance in a feed to its row in Parquet.

    python bench/streaming.py [--minutes 5] [--feeds 4] [--items-per-poll 6] [--poll 5] [--window 5]

A local feed server (bench/feedserver.py, 127.0.0.1) adds new items to its
feeds at every poll interval, keeping the latest 30 per feed (so most of
each answer is repeats, as with real feeds). `python -m pipeline --streaming`
polls them on Prism. This script watches the `articles` table with DuckDB
and records, for each item, when it was put in its feed, when the server
first served it and when its row became visible. It samples the resident memory of the job's whole
process tree (CLI, pipeline process, Prism, SDK workers) every 5 s.
Printed: items served, items in Parquet, delay median / p90 / worst, memory
at start, middle and end. The texts are generated from our own French
sentence patterns, all distinct.
"""

from __future__ import annotations

import argparse
import itertools
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
from feedserver import FeedServer, Item, Route
from throughput import _rss_tree

ROOT = Path(__file__).resolve().parent.parent

WHO = ["Le ministre italien des affaires étrangères", "La présidente de la Commission européenne",
       "Le chef du gouvernement espagnol", "Le secrétaire général de l'ONU", "Le président brésilien",
       "La ministre allemande de la défense", "Le Premier ministre japonais", "Le roi du Maroc"]
DID = ["a rencontré son homologue", "a appelé au dialogue avec", "a critiqué la décision de",
       "a signé un accord avec", "a reçu une délégation venue de", "a demandé des explications à"]
WHERE = ["Rome", "Bruxelles", "Madrid", "Genève", "Brasilia", "Berlin", "Tokyo", "Rabat", "Dakar", "Oslo"]
WHY = ["pour parler de la sécurité régionale", "au sujet des échanges commerciaux",
       "afin de préparer le prochain sommet", "après plusieurs semaines de tensions"]


def make_item(n: int) -> Item:
    """The n-th generated dispatch (distinct text, title and link for every n)."""
    who, did, where, why = (WHO[n % len(WHO)], DID[(n // 8) % len(DID)], WHERE[(n // 3) % len(WHERE)],
                            WHY[(n // 5) % len(WHY)])
    text = (f"{who} {did} la délégation de {where} {why}, a-t-on appris lundi. Selon un communiqué "
            f"publié dans la soirée, les discussions ont duré {n % 9 + 1} heures et porteront sur "
            f"{n % 50 + 2} dossiers (dépêche numéro {n}).")
    return Item(f"bench-{n}", f"Dépêche {n} : {who} à {where}", text, published=time.time())


def visible_titles(out: Path) -> set[str]:
    if not list(out.glob("articles/**/*.parquet")):
        return set()
    try:
        return {r[0] for r in duckdb.sql(f"SELECT title FROM read_parquet('{out}/articles/**/*.parquet', "
                                         "hive_partitioning = true)").fetchall()}
    except duckdb.Error:
        return set()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--feeds", type=int, default=4)
    ap.add_argument("--items-per-poll", type=int, default=6, help="new items per feed per poll interval")
    ap.add_argument("--poll", type=float, default=5.0, help="--poll-interval of the job (seconds)")
    ap.add_argument("--window", type=float, default=5.0, help="--write-window of the job (seconds)")
    ap.add_argument("--dedup-ttl", default="10m", help="--dedup-ttl of the job")
    ap.add_argument("--feed-delay", type=float, default=0.0, help="seconds each feed takes to answer")
    args = ap.parse_args()

    base = Path(tempfile.mkdtemp(prefix="vigie-bench-stream-"))
    out = base / "out"
    counter = itertools.count()
    added: dict[str, float] = {}  # title -> put in a feed
    appeared: dict[str, float] = {}  # title -> first served
    landed: dict[str, float] = {}  # title -> first visible in Parquet
    memory: list[tuple[float, int]] = []
    with FeedServer() as server:
        paths = [f"/feed-{i}.xml" for i in range(args.feeds)]
        feeds: dict[str, list[Item]] = {p: [] for p in paths}
        titles_of: dict[str, str] = {}

        def add_items() -> None:
            for p in paths:
                new = [make_item(next(counter)) for _ in range(args.items_per_poll)]
                for it in new:
                    titles_of[it.key] = it.title
                    added[it.title] = time.time()
                feeds[p] = (new[::-1] + feeds[p])[:30]
                server.set(p, Route(items=feeds[p], delay_s=args.feed_delay))

        add_items()
        cmd = [sys.executable, "-m", "pipeline", "--streaming", *[f"--input={server.url(p)}" for p in paths],
               f"--output={out}", f"--poll-interval={args.poll:g}", f"--write-window={args.window:g}",
               f"--dedup-ttl={args.dedup_ttl}", f"--max-runtime={args.minutes * 60 + 300:g}",
               "--allow_private_hosts"]
        log = open(base / "job.log", "w")  # noqa: SIM115 - closed below
        job = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        stop = threading.Event()

        def watch() -> None:
            last_mem = 0.0
            while not stop.is_set():
                now = time.time()
                for key, t in list(server.first_seen.items()):
                    appeared.setdefault(titles_of[key], t)
                for title in visible_titles(out) - landed.keys():
                    landed[title] = now
                if now - last_mem >= 5:
                    memory.append((now, sum(_rss_tree(job.pid).values())))
                    last_mem = now
                time.sleep(0.2)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        start = time.time()
        while not server.requests():
            time.sleep(0.2)
        first_poll = time.time()
        while time.time() - first_poll < args.minutes * 60:
            time.sleep(args.poll)
            add_items()
        end_adding = time.time()
        deadline = time.time() + 120
        while time.time() < deadline and not appeared.keys() <= landed.keys():
            time.sleep(1)
        job.send_signal(signal.SIGINT)
        job.wait(timeout=300)
        stop.set()
        watcher.join()
        log.close()
        requests = server.requests()

    gaps = [b.at - a.at for p in paths for a, b in
            itertools.pairwise([r for r in requests if r.path == p and r.at <= end_adding])]
    delays = sorted(landed[t] - added[t] for t in appeared if t in landed)
    fetched = sorted(landed[t] - appeared[t] for t in appeared if t in landed)
    lost = len(appeared) - len(delays)
    print(f"streaming bench: {args.feeds} feeds, {args.items_per_poll} new items per feed every {args.poll:g} s "
          f"poll, write window {args.window:g} s, {args.minutes:g} min of new items "
          f"(job started {first_poll - start:.0f} s before its first poll)")
    if gaps:
        print(f"polls: {len(requests)} requests, interval between two polls of a feed: median "
              f"{statistics.median(gaps):.1f} s (asked {args.poll:g} s), each answer taking {args.feed_delay:g} s")
    print(f"items served {len(appeared)}, in Parquet {len(delays)}, missing {lost}; "
          f"Parquet files {len(list(out.glob('articles/**/*.parquet')))} (articles)")
    for label, values in (("delay in feed -> in Parquet", delays), ("delay fetched -> in Parquet", fetched)):
        if values:
            p90 = values[min(len(values) - 1, int(0.9 * len(values)))]
            print(f"{label}: median {statistics.median(values):.1f} s, p90 {p90:.1f} s, "
                  f"worst {values[-1]:.1f} s")
    if memory:
        mid = memory[len(memory) // 2]
        print("memory of the job (all processes): " + ", ".join(
            f"{label} {m / 2**20:.0f} MB at {t - start:.0f} s" for label, (t, m) in
            (("start", memory[min(2, len(memory) - 1)]), ("middle", mid), ("end", memory[-1]))))
        print(f"peak {max(m for _, m in memory) / 2**20:.0f} MB; adding items for {end_adding - first_poll:.0f} s")
    print(f"output and job log: {base}")
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
