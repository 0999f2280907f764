"""feedparser's ~2,100 test feeds (../shared/data/rss/feedparser-tests) through the source stage,
as files and as URLs served from 127.0.0.1 with their own HTTP headers: no crash, every file gives
articles or rejects with a reason, and as many items as feedparser finds entries. Prints the counts
by outcome (bench/feedparser_suite.py prints the same)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import ROOT, SHARED, need_shared

SUITE = SHARED / "data" / "rss" / "feedparser-tests"


def _bench():
    spec = importlib.util.spec_from_file_location("feedparser_suite", ROOT / "bench" / "feedparser_suite.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    need_shared(SUITE / "tests")
    return _bench()


@pytest.mark.shared
@pytest.mark.parametrize("mode", ["file", "http"])
def test_feedparser_suite_never_crashes_and_every_file_has_an_outcome(bench, mode, capsys):
    result = bench.run(SUITE, mode)
    with capsys.disabled():
        print("\n" + bench.report(result))
    assert result.files >= 2000
    assert not result.crashes, result.crashes[:5]
    assert not result.invalid, result.invalid[:5]
    assert not result.empty, result.empty[:5]
    assert sum(result.by_file.values()) == result.files
    # one item per feedparser entry (or one reject for a feed without entries), except the
    # documents refused before parsing
    assert not result.disagree, result.disagree[:5]
    assert result.items["article"] > 400
    assert set(result.items) - {"article"} <= {"empty_article", "empty_feed", "malformed_feed", "xml_entities",
                                                "not_a_feed", "unsupported_format"}
    # the two suite files that declare entities are the only xml_entities
    assert result.by_file["reject:xml_entities"] == 2


@pytest.mark.shared
@pytest.mark.slow
def test_a_sample_of_the_suite_through_the_whole_pipeline_conserves_items(bench, tmp_path):
    """Every 8th suite file through the Beam pipeline; items read = articles + rejects, read back
    from the Parquet, item by item."""
    import duckdb

    from pipeline.cli import main
    from transforms.rejects import REJECT_TAG
    from transforms.sources import SourceConfig, read_input

    files = [str(p) for p in bench.suite_files(SUITE)[::8]]
    out = tmp_path / "out"
    assert main([a for f in files for a in ("--input", f)] + ["--output", str(out), "--runner=FnApiRunner"]) == 0
    expected = sorted(r[REJECT_TAG]["input_ref"] if REJECT_TAG in r else r["input_ref"]
                      for f in files for r in read_input(f, SourceConfig()))
    con = duckdb.connect()

    def refs(table: str, where: str = "true") -> list[str]:
        glob = f"{out}/{table}/**/*.parquet"
        return [r[0] for r in con.execute(f"SELECT input_ref FROM read_parquet('{glob}', hive_partitioning=true) "
                                          f"WHERE {where}").fetchall()]

    got = refs("articles") + refs("rejects", "stage IN ('source', 'dedup', 'language', 'nlp')")
    assert sorted(got) == expected and len(expected) > 250
