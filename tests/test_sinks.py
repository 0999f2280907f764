"""The Parquet sink: Hive layout, atomic files, safe partition values, read back for real."""

import datetime as dt
import os

import apache_beam as beam
import duckdb
import pytest
from apache_beam.testing.test_pipeline import TestPipeline

from schemas import ENTITIES, REJECTS
from transforms.sinks import WriteTable, partition_path, safe_partition_value

NOW = dt.datetime(2022, 1, 21, 10, tzinfo=dt.timezone.utc)


def _entity(i, actor, date="2022-01-21"):
    return {"entity_id": f"e{i}", "article_id": f"a{i % 2}", "mention": f"m{i}", "label": "PER",
            "start_char": i, "end_char": i + 1, "sentence_index": 0, "canonical_name": None,
            "actor_code": "UNK", "country": None, "sector": None, "resolution": "none",
            "confidence": 0.0, "published_at": NOW, "schema_version": 1, "date": date, "actor": actor}


def test_hostile_partition_values_never_make_paths():
    assert safe_partition_value("actor", "../../etc") == "UNK"
    assert safe_partition_value("actor", "date=2022/actor=x") == "UNK"
    assert safe_partition_value("actor", "USA") == "USA"
    with pytest.raises(ValueError):
        safe_partition_value("date", "2022-01-21/../../x")
    assert partition_path(ENTITIES, {"date": "2022-01-21", "actor": "../x"}) == "date=2022-01-21/actor=UNK"


def _write(rows, out):
    with TestPipeline(runner="FnApiRunner") as p:
        _ = p | beam.Create(rows) | WriteTable(ENTITIES, str(out))


def test_write_read_back_and_rewrite_replaces(tmp_path):
    rows = [_entity(i, a) for i, a in enumerate(["USA", "RUS", "USA", "../../etc", "date=2022/actor=x"])]
    _write(rows, tmp_path)
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert all(f.startswith("entities/date=2022-01-21/actor=") and f.endswith(".parquet") for f in files)
    assert {f.split("/")[2] for f in files} == {"actor=USA", "actor=RUS", "actor=UNK"}
    assert not [p for p in tmp_path.rglob("*inprogress*")]  # no temp file left visible

    con = duckdb.connect()
    glob = f"{tmp_path}/entities/**/*.parquet"
    got = con.execute(f"SELECT actor, count(*) FROM read_parquet('{glob}', hive_partitioning=true) "
                      "GROUP BY actor ORDER BY actor").fetchall()
    assert got == [("RUS", 1), ("UNK", 2), ("USA", 2)]
    assert con.execute(f"SELECT typeof(date) FROM read_parquet('{glob}', hive_partitioning=true) "
                       "LIMIT 1").fetchone()[0] == "DATE"
    table = ENTITIES.dataset(str(tmp_path)).to_table()
    assert table.num_rows == 5 and str(table.schema.field("date").type) == "date32[day]"
    assert str(table.schema.field("published_at").type) == "timestamp[us, tz=UTC]"

    _write(rows, tmp_path)  # same input again: same file names, replaced
    again = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert again == files
    assert ENTITIES.dataset(str(tmp_path)).count_rows() == 5


def test_schema_version_is_in_file_metadata(tmp_path):
    import pyarrow.parquet as pq

    _write([_entity(1, "USA")], tmp_path)
    [f] = list(tmp_path.rglob("*.parquet"))
    meta = pq.read_schema(f).metadata
    assert meta[b"vigie.table"] == b"entities" and meta[b"vigie.schema_version"] == b"1"
    assert "date" not in pq.read_schema(f).names  # partition keys live in folder names


def test_every_table_declares_its_partitions():
    assert REJECTS.partition_cols == ("date",)
    assert os.sep not in "".join(REJECTS.schema.names)
