"""`python -m pipeline validate`: a real run validates; each kind of damage is found with a clear message."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.validate import check, validate
from schemas import TABLES
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def clean_output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("vigie-validate") / "out"
    inputs = sorted(str(p) for p in SAMPLES.glob("*"))
    assert main([a for i in inputs for a in ("--input", i)] + ["--output", str(out)]) == 0
    return out


@pytest.fixture
def out(clean_output: Path, tmp_path: Path) -> Path:
    """A copy of the clean run, free to damage."""
    return Path(shutil.copytree(clean_output, tmp_path / "out"))


def _first_file(out: Path, table: str) -> Path:
    return sorted((out / table).rglob("*.parquet"))[0]


def _validate_cli(out: Path, capsys) -> tuple[int, str]:
    code = main(["validate", "--output", str(out)])
    return code, capsys.readouterr().out


def _assert_fails(out: Path, capsys, *fragments: str) -> str:
    code, text = _validate_cli(out, capsys)
    problems = [p.message for p in validate(str(out))]
    assert code == 1, text
    for fragment in fragments:
        assert any(fragment in m for m in problems), (fragment, problems)
        assert fragment in text
    assert "FAILED" in text
    return text


def test_clean_run_validates(clean_output: Path, capsys):
    assert validate(str(clean_output)) == []
    code, text = _validate_cli(clean_output, capsys)
    assert code == 0, text
    assert "problem:" not in text and "OK: 0 problems" in text


def test_row_counts_match_duckdb(clean_output: Path, capsys):
    result = check(str(clean_output))
    con = duckdb.connect()
    for name, spec in TABLES.items():
        glob = f"{clean_output}/{name}/**/*.parquet"
        if not (clean_output / name).is_dir():
            assert result.stats[name].rows == 0
            continue
        total = con.execute(f"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning=true)").fetchone()[0]
        assert total > 0 or name == "rejects", name
        assert result.stats[name].rows == total, name
        keys = ", ".join(spec.partition_cols)
        by_part = con.execute(
            f"SELECT {keys}, count(*) FROM read_parquet('{glob}', hive_partitioning=true) GROUP BY ALL").fetchall()
        expected = {"/".join(f"{c}={v}" for c, v in zip(spec.partition_cols, r[:-1], strict=True)): r[-1]
                    for r in by_part}
        assert result.stats[name].rows_by_partition == expected, name
        assert result.stats[name].partitions == len(expected)
    main(["validate", "--output", str(clean_output)])
    printed = capsys.readouterr().out
    for name, s in result.stats.items():
        line = next(line for line in printed.splitlines() if line.startswith(f"{name} "))
        assert line.split()[1:] == [str(s.files), str(s.partitions), str(s.rows)]


def test_truncated_file_footer_gone(out: Path, capsys):
    f = _first_file(out, "articles")
    data = f.read_bytes()
    f.write_bytes(data[: len(data) // 2])
    text = _assert_fails(out, capsys, "unreadable Parquet footer")
    assert f.name in text


def test_wrong_schema_column_missing_and_renamed(out: Path, capsys):
    f = _first_file(out, "entities")
    table = pq.read_table(f)
    names = table.column_names
    table = table.drop_columns([names[-1]]).rename_columns(["renamed_col", *names[1:-1]])
    pq.write_table(table, f)
    _assert_fails(out, capsys, f"missing column {names[-1]!r}", f"missing column {names[0]!r}",
                  "unexpected column 'renamed_col'")


def test_wrong_type_and_nullability_reported_per_column(out: Path, capsys):
    import pyarrow as pa

    f = _first_file(out, "articles")
    table = pq.read_table(f)
    schema = table.schema
    i = schema.get_field_index("word_count")
    j = schema.get_field_index("article_id")
    schema = schema.set(i, pa.field("word_count", pa.int64(), nullable=False))
    schema = schema.set(j, pa.field("article_id", pa.string(), nullable=True))
    pq.write_table(table.cast(schema), f)
    _assert_fails(out, capsys, "column 'word_count' is int64, expected int32",
                  "column 'article_id' is nullable, expected required")


def test_wrong_schema_version(out: Path, capsys):
    f = _first_file(out, "events")
    table = pq.read_table(f)
    meta = dict(table.schema.metadata)
    meta[b"vigie.schema_version"] = b"99"
    pq.write_table(table.replace_schema_metadata(meta), f)
    _assert_fails(out, capsys, "vigie.schema_version is '99', expected '1'")


def test_file_in_the_wrong_table(out: Path, capsys):
    f = _first_file(out, "articles")
    target = next((out / "entities").glob("date=*/actor=*")) / "part-moved.parquet"
    shutil.copy(f, target)
    _assert_fails(out, capsys, "vigie.table is 'articles', expected 'entities'", "missing column")


def test_bad_partition_folder_names(out: Path, capsys):
    actor = next((out / "entities").glob("date=*/actor=*"))
    actor.rename(actor.parent / "actor=lower")
    date = next((out / "articles").glob("date=*"))
    date.rename(date.parent / "date=2022-13-45")
    swapped = next((out / "events").glob("date=*"))
    swapped.rename(swapped.parent / "actor=USA")
    _assert_fails(out, capsys, "actor value 'lower' is not an actor code", "date value '2022-13-45' is not a real date",
                  "expected partition column 'date' here, found 'actor'")


def test_stray_file(out: Path, capsys):
    (next((out / "articles").glob("date=*")) / "notes.txt").write_text("hello")
    (out / "events" / "readme.md").write_text("hello")
    _assert_fails(out, capsys, "stray file: not a .parquet file", "stray file in the table folder")


def test_empty_partition_folders(out: Path, capsys):
    (out / "articles" / "date=2022-02-01").mkdir()
    (out / "entities" / "date=2022-02-01").mkdir()
    text = _assert_fails(out, capsys, "empty partition folder (no Parquet files)",
                         "empty partition folder (no actor= folders)")
    assert "date=2022-02-01" in text


def test_partition_with_no_rows(out: Path, capsys):
    f = _first_file(out, "articles")
    pq.write_table(pq.read_table(f).slice(0, 0), f)
    _assert_fails(out, capsys, "partition holds no rows")


def test_unknown_top_level_folder(out: Path, capsys):
    (out / "tmp").mkdir()
    _assert_fails(out, capsys, "unknown folder 'tmp'")


def test_missing_output_folder(tmp_path: Path, capsys):
    _assert_fails(tmp_path / "nowhere", capsys, "output folder does not exist")


def test_leftover_inprogress_is_only_a_warning(out: Path, capsys):
    (next((out / "articles").glob("date=*")) / ".x.inprogress").write_bytes(b"PAR1 half")
    code, text = _validate_cli(out, capsys)
    assert code == 0, text
    assert "warning:" in text and "leftover temp file" in text and ".x.inprogress" in text
    assert validate(str(out)) == []
    assert any(".x.inprogress" in w.path for w in check(str(out)).warnings)


def test_missing_table_folder_is_only_a_warning(out: Path, capsys):
    shutil.rmtree(out / "rejects", ignore_errors=True)
    code, text = _validate_cli(out, capsys)
    assert code == 0, text
    assert "table folder is absent" in text


def test_quiet_prints_only_problems(out: Path, capsys):
    assert main(["validate", "--output", str(out), "--quiet"]) == 0
    assert capsys.readouterr().out == ""
    (out / "articles" / "notes.txt").write_text("x")
    assert main(["validate", "--output", str(out), "--quiet"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("problem: articles:") and "notes.txt" in lines[0]


def test_deep_reads_the_data(clean_output: Path):
    assert validate(str(clean_output), deep=True) == []
