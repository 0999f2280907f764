"""The whole pipeline on hostile input and under faults, checked on the Parquet it wrote:
conservation (items read = articles + rejects, by reason), paths only under --output, poison
items, a run killed with SIGKILL and run again, unwritable output and a full disk."""

from __future__ import annotations

import errno
import json
import os
import re
import resource
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from schemas import ARTICLES, TABLES
from tests.conftest import FIXTURES, ROOT, SAMPLES
from tests.test_hostile_network import HostileServer
from transforms.rejects import REASONS, REJECT_TAG
from transforms.sinks import SinkWriteError, check_output_writable
from transforms.sources import SourceConfig, expand_input, read_input

pytestmark = pytest.mark.slow

HOSTILE = FIXTURES / "hostile"
ITEM_STAGES = ("source", "dedup", "language", "nlp")  # a reject of these stages is an item's only row
FILE_PATTERN = re.compile(
    r"(articles|rejects)/date=\d{4}-\d{2}-\d{2}/part-[0-9a-f]{16}\.parquet"
    r"|(entities|events)/date=\d{4}-\d{2}-\d{2}/actor=[A-Z0-9]{2,12}/part-[0-9a-f]{16}\.parquet")
FR = ("Le ministre des Affaires étrangères a rencontré son homologue allemand à Berlin pour discuter de la "
      "crise. Les deux responsables ont promis de coopérer.")


def _argv(inputs: list[str], out: Path, *extra: str) -> list[str]:
    return [a for i in inputs for a in ("--input", i)] + ["--output", str(out), "--runner=FnApiRunner", *extra]


def _rows(out: Path, table: str, cols: str, where: str = "true") -> list[tuple]:
    if not list((out / table).rglob("*.parquet")):
        return []
    return duckdb.connect().execute(
        f"SELECT {cols} FROM read_parquet('{out}/{table}/**/*.parquet', hive_partitioning=true) WHERE {where}"
    ).fetchall()


def _items(inputs: list[str], cfg: SourceConfig) -> list[dict]:
    """What the source stage reads, item by item (each record is one item)."""
    recs = []
    for spec in inputs:
        refs = expand_input(spec)
        if not refs:
            recs.append({REJECT_TAG: {"input_ref": spec, "reason": "no_such_input"}})
        for ref in refs:
            recs.extend(read_input(ref, cfg))
    return recs


def _item_ref(rec: dict) -> str:
    return rec[REJECT_TAG]["input_ref"] if REJECT_TAG in rec else rec["input_ref"]


# --------------------------------------------------------------------------- one hostile run


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    inputs_dir = root / "date=2022-01-01" / "actor=x"  # hostile folder names for inputs, too
    inputs_dir.mkdir(parents=True)
    para = "Le ministre a répondu aux questions des députés pendant la séance de l'Assemblée. " * 20
    long_text = "\n\n".join([para] * (1_200_000 // len(para)))
    (inputs_dir / "long.jsonl").write_text(
        json.dumps({"url": "https://exemple.fr/long", "title": "Un très long compte rendu", "text": long_text,
                    "published": "2022-01-25T08:00:00+01:00"}) + "\n", encoding="utf-8")
    (inputs_dir / "..jsonl").write_text(json.dumps({"title": "Fichier caché", "text": FR}) + "\n", encoding="utf-8")
    srv = HostileServer()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    port = srv.server_address[1]
    http = [f"http://127.0.0.1:{port}{p}" for p in ("/feed.xml", "/challenge", "/gzip-bomb", "/slow-headers",
                                                      "/loop-a", "/redirect-file", "/xxe-http", "/missing")]
    inputs = [str(HOSTILE / "*"), str(inputs_dir / "*.jsonl"), str(SAMPLES / "feed.xml"),
              str(root / "nothing-*.xml"), "ftp://127.0.0.1/feed.xml", *http]
    out = root / "out"
    cfg_args = ("--allow_private_hosts", "--fetch_timeout=1", "--max_input_bytes=4000000")
    try:
        start = time.monotonic()
        assert main(_argv(inputs, out, *cfg_args)) == 0
        elapsed = time.monotonic() - start
        cfg = SourceConfig(timeout_s=1, max_bytes=4_000_000, allow_private_hosts=True)
        items = _items(inputs, cfg)
    finally:
        srv.stop.set()
        srv.shutdown()
        srv.server_close()
    print(f"\nhostile run: {len(items)} items in {elapsed:.1f} s")
    return root, out, inputs, items


def test_items_read_equal_articles_plus_rejects_by_reason(hostile_run):
    _, out, _, items = hostile_run
    articles = [r[0] for r in _rows(out, "articles", "input_ref")]
    rejects = _rows(out, "rejects", "input_ref, stage, reason")
    item_rejects = [(ref, stage, reason) for ref, stage, reason in rejects if stage in ITEM_STAGES]
    # every item exactly once: as an article, or as one reject of an item stage
    assert sorted(articles + [ref for ref, _, _ in item_rejects]) == sorted(_item_ref(r) for r in items)
    assert len(articles) + len(item_rejects) == len(items)
    # the source stage's rejects, by reason, are exactly what reading the inputs gives
    expected = Counter(r[REJECT_TAG]["reason"] for r in items if REJECT_TAG in r)
    assert Counter(reason for _, stage, reason in rejects if stage == "source") == expected
    assert {reason for _, _, reason in rejects} <= REASONS
    for reason in ("xml_entities", "not_a_feed", "too_large", "fetch_timeout", "redirect_refused", "blocked_url",
                   "fetch_failed", "undecodable", "invalid_json", "empty_article", "no_such_input"):
        assert expected[reason] >= 1, reason
    later = Counter(reason for _, stage, reason in item_rejects if stage != "source")
    assert later["too_short"] >= 2  # only punctuation (twice), a few Arabic words


def test_long_article_is_kept_truncated_not_dropped(hostile_run):
    _, out, _, _ = hostile_run
    [(length, truncated, words)] = _rows(out, "articles", "length(text), truncated, word_count",
                                         "url = 'https://exemple.fr/long'")
    assert truncated is True and 500_000 < length <= 1_000_000 and words > 1000


def test_dates_choose_partitions_only_when_trusted(hostile_run):
    _, out, _, _ = hostile_run
    rows = _rows(out, "articles", "published_at_status, CAST(published_at AS DATE), date, CAST(ingested_at AS DATE)")
    assert rows
    for status, published, day, ingested in rows:
        assert day == (published if status == "ok" else ingested), (status, published, day)


def test_only_files_under_output_are_written(hostile_run):
    root, out, _, _ = hostile_run
    for path in root.rglob("*"):
        if path.is_dir():
            continue
        rel = path.relative_to(root).as_posix()
        if rel.startswith("date=2022-01-01/actor=x/"):
            continue  # our inputs
        assert rel.startswith("out/"), rel
        assert FILE_PATTERN.fullmatch(path.relative_to(out).as_posix()), rel
    names = [p.name for p in out.rglob("*")]
    assert not [n for n in names if ".." in n or n in ("etc", "passwd", "tmp", "windows")]
    for name, spec in TABLES.items():
        for part in {p.parent.relative_to(out / name).as_posix() for p in (out / name).rglob("*.parquet")}:
            assert all(seg.split("=")[0] in spec.partition_cols for seg in part.split("/")), part


def test_hostile_names_are_data_not_paths(hostile_run):
    _, out, _, _ = hostile_run
    sources = {r[0] for r in _rows(out, "articles", "source")} | {r[0] for r in _rows(out, "rejects", "url")}
    titles = {r[0] for r in _rows(out, "articles", "title")}
    assert "../../etc" in sources or "../../etc" in titles
    assert "date=2022/actor=x" in titles


def test_every_written_file_has_a_footer(hostile_run):
    _, out, _, _ = hostile_run
    files = list(out.rglob("*.parquet"))
    assert files
    for f in files:
        meta = pq.read_metadata(f)
        assert meta.num_rows > 0
    assert not list(out.rglob("*.inprogress"))


# --------------------------------------------------------------------------- poison


def test_a_poison_item_is_a_reject_and_the_rest_goes_on(tmp_path, monkeypatch):
    from transforms import nlp, sources

    real_make, real_from_spacy = sources.make_article, nlp.from_spacy

    def make_article(**kw):
        if "POISON-SOURCE" in (kw.get("title") or ""):
            raise RuntimeError("poisoned at the source")
        return real_make(**kw)

    def from_spacy(doc):
        if "POISON-NLP" in doc.text:
            raise RuntimeError("poisoned in the parser")
        return real_from_spacy(doc)

    monkeypatch.setattr(sources, "make_article", make_article)
    monkeypatch.setattr(nlp, "from_spacy", from_spacy)
    path = tmp_path / "in.jsonl"
    lines = [{"url": f"https://exemple.fr/{i}", "title": title, "text": FR + f" Article {i}."}
             for i, title in enumerate(["Un sommet à Berlin", "POISON-SOURCE à Berlin", "POISON-NLP à Paris",
                                        "Une rencontre à Genève", "Une réunion à Rome"])]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(_argv([str(path)], out, "--nlp_batch_size=8")) == 0
    arts = sorted(r[0] for r in _rows(out, "articles", "input_ref"))
    rejects = {ref.rsplit("#", 1)[1]: (stage, reason) for ref, stage, reason in
               _rows(out, "rejects", "input_ref, stage, reason")}
    assert [a.rsplit("#", 1)[1] for a in arts] == ["0", "3", "4"]
    assert rejects == {"1": ("source", "extraction_failed"), "2": ("nlp", "nlp_failed")}


# --------------------------------------------------------------------------- kill -9 and run again


def _articles_input(path: Path, n: int = 60) -> None:
    places = ["Berlin", "Paris", "Rome", "Madrid", "Genève", "Bruxelles", "Varsovie", "Kiev"]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            day = 1 + i % 28
            month = 1 + (i // 28) % 12
            fh.write(json.dumps({
                "url": f"https://exemple.fr/kill/{i}", "title": f"Le ministre s'est rendu à {places[i % 8]} ({i})",
                "text": FR + f" La visite numéro {i} a eu lieu à {places[(i + 3) % 8]}.",
                "published": f"2021-{month:02d}-{day:02d}T10:00:00+01:00"}) + "\n")


def _cli(inputs: list[str], out: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", *_argv(inputs, out)]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _table_ids(out: Path) -> dict[str, list]:
    ids = {}
    for name, spec in TABLES.items():
        col = spec.schema.names[0]
        ids[name] = sorted(r[0] for r in _rows(out, name, col))
    return ids


def test_killed_run_leaves_nothing_half_written_and_rerun_has_no_duplicates(tmp_path):
    inp = tmp_path / "in" / "news.jsonl"
    inp.parent.mkdir()
    _articles_input(inp)
    out, clean = tmp_path / "out", tmp_path / "clean"
    proc = subprocess.Popen(_cli([str(inp)], out), cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    killed_mid_write = False
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and any(p.is_file() and not p.name.startswith(".vigie-write-check")
                                    for p in out.rglob("*")):
                killed_mid_write = True
                break
            time.sleep(0.005)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # our own child's session, nothing else
        proc.wait()
    assert killed_mid_write and proc.returncode == -signal.SIGKILL
    # what a reader sees right after the crash: whole files only
    for f in out.rglob("*.parquet"):
        pq.read_metadata(f)
    hidden = [p for p in out.rglob("*") if p.is_file() and p.name.startswith(".")]
    # readers never see hidden temp files: prove it with a junk one, whatever the kill left
    junk_dir = out / "articles" / "date=2021-01-01"
    junk_dir.mkdir(parents=True, exist_ok=True)
    (junk_dir / ".0123abcd.inprogress").write_bytes(b"PAR1 half a file")
    before = len(_rows(out, "articles", "article_id")) if list((out / "articles").rglob("*.parquet")) else 0
    assert ARTICLES.dataset(str(out)).count_rows() == before
    # run again to completion on the same input, and once more on a clean folder (in this process:
    # the model is loaded once)
    assert main(_argv([str(inp)], out)) == 0
    assert main(_argv([str(inp)], clean)) == 0
    assert _table_ids(out) == _table_ids(clean)
    ids = _table_ids(out)
    assert len(ids["articles"]) == 60 and len(set(ids["articles"])) == 60
    for f in out.rglob("*.parquet"):
        pq.read_metadata(f)
    print(f"\nkilled with {len(list(out.rglob('*.parquet')))} files after rerun; hidden leftovers: {len(hidden)}")


# --------------------------------------------------------------------------- unwritable output, full disk


def test_unwritable_output_fails_fast_with_a_clear_error(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(SinkWriteError, match="cannot write to --output .*a file stands where a folder is needed"):
        check_output_writable(str(blocker / "out"))
    assert main(_argv([str(SAMPLES / "feed.xml")], blocker / "out")) == 1  # one line, not a traceback
    assert "vigie: cannot write to --output" in capsys.readouterr().err
    done = subprocess.run(_cli([str(SAMPLES / "feed.xml")], blocker / "out"), cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "vigie: cannot write to --output" in done.stderr


def test_full_disk_stops_the_run_with_a_clear_error_and_no_partial_file(tmp_path, monkeypatch, capsys):
    import pyarrow.parquet

    def no_space(table, where, **kw):
        where.write(b"PAR1 partial")  # a half-written temp file, as a full disk leaves it
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pyarrow.parquet, "write_table", no_space)
    out = tmp_path / "out"
    assert main(_argv([str(SAMPLES / "feed.xml")], out)) == 1
    err = capsys.readouterr().err
    assert "vigie: cannot write" in err and "disk full or over quota" in err and "No space left on device" in err
    assert not [p for p in out.rglob("*") if p.is_file()]  # no .parquet, no leftover temp file


def test_file_size_limit_from_the_os_is_reported(tmp_path):
    """A real write failure from the kernel (RLIMIT_FSIZE: EFBIG, like a quota), in a child process."""
    out = tmp_path / "out"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    done = subprocess.run(_cli([str(SAMPLES / "articles.jsonl")], out), cwd=ROOT, env=_env(), capture_output=True,
                          text=True, timeout=180, preexec_fn=limit)
    assert done.returncode != 0
    assert "vigie: cannot write" in done.stderr and "file size limit reached" in done.stderr, done.stderr[-3000:]
    for f in out.rglob("*.parquet"):
        pq.read_metadata(f)  # whatever was written before is whole
