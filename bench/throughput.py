"""Throughput: the whole pipeline against bare spaCy, same corpus, same cores, one run.

    python bench/throughput.py [--words 200000] [--workers 1,2] [--keep]

Corpus (built at run time from ../shared/data/rss/lemonde-2022-01, never stored): every
unique Le Monde item as an article (title + description), plus longer articles assembled
from runs of 3, 5 and 8 consecutive items (their texts joined as paragraphs, each with its
own URL), until the corpus has at least --words words. Written as JSONL shards to a
temporary folder, because the pipeline reads files (beam.Create over big text is slow).

Measures, for the same texts:
1. bare spaCy: fr_core_news_md, all components, nlp.pipe with n_process = cores;
2. the pipeline (python -m pipeline) from those files to Parquet with N SDK worker processes
   (FnApiRunner multi_processing: Prism, the default, runs Python in one worker process), for
   each N in --workers, and with --default-runner on the CLI's default runner too;
and prints words/s, articles/s, the ratio to bare spaCy, peak resident memory per worker
process, and the time to the first Parquet file.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402


def build_corpus(min_words: int, folder: Path, shards: int = 8) -> tuple[list[str], int]:
    items = list(corpus.items().values())
    articles: list[dict] = []
    words = 0

    def add(url: str, title: str, body: str, published) -> None:
        nonlocal words
        articles.append({"url": url, "title": title, "text": body,
                         "published": published.isoformat() if published else None, "source": "bench"})
        words += len(title.split()) + len(body.split())

    for a in items:
        body = a["text"][len(a["title"] or ""):].strip()
        add(a["url"], a["title"] or "", body, a["published_at"])
    for k in (3, 5, 8, 13, 21):
        if words >= min_words:
            break
        for n in range(0, len(items) - k, k):
            group = items[n:n + k]
            add(f"{group[0]['url']}#assembled-{k}-{n}", group[0]["title"] or "",
                "\n\n".join(g["text"] for g in group), group[0]["published_at"])
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        files = [stack.enter_context(open(folder / f"shard-{i:02d}.jsonl", "w", encoding="utf-8"))
                 for i in range(shards)]
        for n, a in enumerate(articles):
            files[n % shards].write(json.dumps(a, ensure_ascii=False) + "\n")
    texts = [f"{a['title']}\n\n{a['text']}" for a in articles]
    return texts, words


def bare_spacy(texts: list[str], n_process: int) -> float:
    import spacy

    from transforms.nlp import MODEL

    nlp = spacy.load(MODEL)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=64):
        pass
    return time.perf_counter() - start


def _rss_tree(pid: int) -> dict[int, int]:
    """Resident memory (bytes) of pid and all its descendants, from /proc."""
    out: dict[int, int] = {}
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        out[p] = int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return out


def run_pipeline(corpus_dir: Path, workers: int, out: Path, runner: str) -> dict[str, float]:
    cmd = [sys.executable, "-m", "pipeline", "--input", str(corpus_dir / "*.jsonl"), "--output", str(out)]
    if runner == "FnApiRunner":
        cmd += ["--runner", "FnApiRunner", "--direct_running_mode", "multi_processing",
                "--direct_num_workers", str(workers)]
    elif runner != "default":
        cmd += ["--runner", runner]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak: dict[int, int] = {}
    first = None
    while proc.poll() is None:
        for pid, rss in _rss_tree(proc.pid).items():
            peak[pid] = max(peak.get(pid, 0), rss)
        if first is None and out.exists() and any(out.rglob("*.parquet")):
            first = time.perf_counter() - start
        time.sleep(0.25)
    elapsed = time.perf_counter() - start
    log = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        raise SystemExit(f"pipeline failed:\n{log[-3000:]}")
    if first is None:
        first = elapsed
    # worker processes are the big ones (each holds a spaCy model); the launcher is small
    sizes = sorted(peak.values(), reverse=True)
    return {"seconds": elapsed, "first_output": first, "peak_worker_rss": sizes[0] if sizes else 0,
            "processes": len(peak), "log": log}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--keep", action="store_true", help="keep the corpus and outputs")
    ap.add_argument("--default-runner", action="store_true", help="also time the CLI's default runner")
    args = ap.parse_args()
    if not corpus.LEMONDE.exists():
        raise SystemExit(f"needs {corpus.LEMONDE}")
    cores = os.cpu_count() or 1
    tmp = Path(tempfile.mkdtemp(prefix="vigie-bench-"))
    texts, words = build_corpus(args.words, tmp / "corpus")
    n = len(texts)
    print(f"corpus: {n} articles, {words} words (whitespace-separated), {cores} cores, in {tmp}")

    t = bare_spacy(texts, cores)
    print(f"bare spaCy nlp.pipe n_process={cores}: {t:.1f}s  {words / t:,.0f} words/s  {n / t:.1f} articles/s")
    runs = [("FnApiRunner", int(x)) for x in args.workers.split(",")]
    if args.default_runner:
        runs.append(("default", 1))
    for runner, w in runs:
        res = run_pipeline(tmp / "corpus", w, tmp / f"out-{runner}-{w}", runner)
        s = res["seconds"]
        label = f"{w} worker process(es) (FnApiRunner multi_processing)" if runner == "FnApiRunner" \
            else "default local runner (Prism, one SDK worker)"
        print(f"pipeline, {label}: {s:.1f}s  {words / s:,.0f} words/s  {n / s:.1f} articles/s  "
              f"ratio to bare spaCy {t / s:.2f}  peak RSS/worker {res['peak_worker_rss'] / 2**20:.0f} MB  "
              f"first output {res['first_output']:.1f}s")
    if not args.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
