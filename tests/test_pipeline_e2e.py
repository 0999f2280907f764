"""The whole pipeline through the CLI, on our samples, bad fixtures, a local HTTP feed and the seed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb
import pytest

from pipeline.cli import main
from schemas import TABLES
from tests.conftest import FIXTURES, SAMPLES, SEED
from transforms.sources import SourceConfig, read_input


def _inputs(http_base: str) -> list[str]:
    inputs = [str(SAMPLES / "articles.jsonl"), str(SAMPLES / "feed.xml"), str(SAMPLES / "*.txt"),
              str(SAMPLES / "page.html"), str(FIXTURES / "malformed.rss"), str(FIXTURES / "empty.txt"),
              str(FIXTURES / "latin1.txt"), str(FIXTURES / "english.txt"),
              f"{http_base}/feed-http.xml"]
    if SEED.exists():
        inputs.append(str(SEED))
    return inputs


def _run(inputs: list[str], out: Path) -> None:
    argv = [a for i in inputs for a in ("--input", i)] + ["--output", str(out), "--allow_private_hosts"]
    assert main(argv) == 0


def _count(out: Path, table: str, where: str = "true") -> int:
    glob = f"{out}/{table}/**/*.parquet"
    return duckdb.connect().execute(
        f"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning=true) WHERE {where}").fetchone()[0]


@pytest.fixture(scope="module")
def run_output(tmp_path_factory, http_fixtures):
    out = tmp_path_factory.mktemp("vigie") / "out"
    inputs = _inputs(http_fixtures)
    _run(inputs, out)
    return out, inputs


def test_all_four_tables_written_and_readable(run_output):
    out, _ = run_output
    for name, spec in TABLES.items():
        assert _count(out, name) > 0, name
        ds = spec.dataset(str(out))
        assert ds.count_rows() == _count(out, name)
        for col in spec.partition_cols:
            assert col in ds.schema.names


def test_every_item_is_an_article_or_a_reject(run_output):
    out, inputs = run_output
    items = 0
    for spec in inputs:
        refs = sorted(str(p) for p in Path(spec).parent.glob(Path(spec).name)) if "://" not in spec else [spec]
        for ref in refs:
            items += sum(1 for _ in read_input(ref, SourceConfig(allow_private_hosts=True)))
    assert _count(out, "articles") + _count(out, "rejects") == items


def test_rejects_have_reasons(run_output):
    out, _ = run_output
    glob = f"{out}/rejects/**/*.parquet"
    rows = duckdb.connect().execute(
        f"SELECT input_ref, reason FROM read_parquet('{glob}', hive_partitioning=true)").fetchall()
    reasons = Counter(r for _, r in rows)
    by_file = {Path(ref.split("#")[0]).name: r for ref, r in rows}
    assert by_file["malformed.rss"] == "malformed_feed"
    assert by_file["empty.txt"] == "empty_input"
    assert by_file["latin1.txt"] == "undecodable"
    assert by_file["english.txt"] == "not_french"
    assert reasons["duplicate"] == 1  # the same story twice in articles.jsonl
    assert reasons["not_french"] >= 2  # english.txt and the English JSONL line


def test_local_http_feed_was_ingested(run_output):
    out, _ = run_output
    assert _count(out, "articles", "feed_url LIKE 'http://127.0.0.1:%'") == 2


@pytest.mark.skipif(not SEED.exists(), reason=f"needs {SEED} (shared material absent)")
def test_seed_meeting_in_events_table(run_output):
    out, _ = run_output
    n = _count(out, "events", "event_root_code = '04' AND modality = 'asserted' AND "
                              "((actor1_country = 'USA' AND actor2_country = 'RUS') OR "
                              " (actor1_country = 'RUS' AND actor2_country = 'USA'))")
    assert n >= 1
    assert _count(out, "events", "date = DATE '2022-01-21' AND actor IN ('USA', 'RUS')") >= 1


def test_running_twice_gives_the_same_rows(run_output):
    out, inputs = run_output
    before = {t: _count(out, t) for t in TABLES}
    _run(inputs, out)
    after = {t: _count(out, t) for t in TABLES}
    assert after == before


@pytest.mark.skipif(not SEED.exists(), reason=f"needs {SEED} (shared material absent)")
def test_seed_events_come_out_right(run_output):
    """The seed article's expected events, read back from the events table the pipeline wrote."""
    out, _ = run_output
    glob = f"{out}/events/**/*.parquet"
    rows = duckdb.connect().execute(
        f"SELECT actor1_code, actor1_country, actor2_code, actor2_country, event_root_code, modality, "
        f"action_geo_country, event_date FROM read_parquet('{glob}', hive_partitioning=true) "
        f"WHERE source_url LIKE '%seed%'").fetchall()
    asserted = [r for r in rows if r[5] == "asserted"]

    def has(a1_country, root, a2_country=None, a2_code=None, a1_code=None):
        return any(r[1] == a1_country and r[4] == root and (a2_country is None or r[3] == a2_country)
                   and (a2_code is None or r[2] == a2_code) and (a1_code is None or r[0] == a1_code)
                   for r in asserted)

    meeting = [r for r in asserted if r[4] == "04" and {r[0], r[2]} == {"USAGOV", "RUSGOV"}
               and r[6] == "CHE"]
    assert meeting and str(meeting[0][7]) == "2022-01-21"
    assert has("USA", "11", a2_country="RUS")  # the suspicion is an accusation…
    assert has("RUS", "10", a2_code="NATO")  # …Russia demands NATO's withdrawal
    assert has("USA", "13", a2_country="RUS", a1_code="USAGOV")  # Blinken's promised response
    assert has("DEU", "13", a2_country="RUS") and has("GBR", "13", a2_country="RUS")  # Scholz, Johnson
    assert has("RUS", "11", a2_code="NATO", a1_code="RUSGOV")  # Lavrov accuses NATO
    assert not [r for r in asserted if r[4] in ("18", "19", "20")]  # …but no invasion happened


def test_home_country_option_sets_the_country_of_roles(tmp_path):
    """An article that names no country: its roles are the --home_country's, in events and entities."""
    article = tmp_path / "chambre.txt"
    article.write_text("Les députés critiquent le gouvernement.\n\nLe débat a duré toute la nuit.\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--input", str(article), "--output", str(out), "--home_country", "bel"]) == 0
    glob = f"{out}/events/**/*.parquet"
    rows = duckdb.connect().execute(
        f"SELECT actor1_code, actor2_code, event_root_code FROM read_parquet('{glob}', hive_partitioning=true)"
    ).fetchall()
    assert ("BELLEG", "BELGOV", "11") in rows, rows
    assert _count(out, "entities", "actor_code = 'BELLEG'") == 1
    with pytest.raises(SystemExit):
        main(["--input", str(article), "--output", str(out), "--home_country", "Belgique"])
