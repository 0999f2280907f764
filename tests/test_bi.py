"""BI: the output folder read by DuckDB, pyarrow, pandas, Polars and Spark alike; the bi/ views; the DDL docs.

One pipeline run on the bundled sample (and the seed when ../shared is here) per test session,
shared with tests/test_report.py.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from schemas import TABLES
from schemas.table import PARTITION_TYPES
from tests.conftest import ROOT, SAMPLES, SEED

BI = ROOT / "bi"
_OUTPUT: dict[str, Path] = {}


def build_sample_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the pipeline once on samples/* (+ the seed) and reuse the folder for the whole session."""
    if "out" not in _OUTPUT:
        from pipeline.cli import main

        inputs = sorted(str(p) for p in SAMPLES.iterdir() if p.is_file())
        if SEED.parent.exists():
            inputs += sorted(str(p) for p in SEED.parent.glob("*.jsonl"))
        out = tmp_path_factory.mktemp("vigie-bi") / "out"
        assert main([a for i in inputs for a in ("--input", i)] + ["--output", str(out)]) == 0
        _OUTPUT["out"] = out
    return _OUTPUT["out"]


@pytest.fixture(scope="session")
def sample_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_output(tmp_path_factory)


# ---------------------------------------------------------------------------------------------
# One reading per reader: rows, every column's type (as a neutral name), and a few values that
# would differ if a reader got the partitions or the time zone wrong.

def arrow_kind(t: pa.DataType) -> str:
    if pa.types.is_dictionary(t):
        return f"dictionary<{arrow_kind(t.value_type)}>"
    if pa.types.is_timestamp(t):
        return "timestamp_utc" if t.tz in ("UTC", "+00:00", "Etc/UTC") else f"timestamp[{t.tz}]"
    for name, test in (("string", pa.types.is_string), ("string", pa.types.is_large_string),
                       ("date", pa.types.is_date32), ("bool", pa.types.is_boolean), ("int8", pa.types.is_int8),
                       ("int16", pa.types.is_int16), ("int32", pa.types.is_int32), ("int64", pa.types.is_int64),
                       ("float32", pa.types.is_float32), ("float64", pa.types.is_float64)):
        if test(t):
            return name
    if str(t) == "string_view":
        return "string"
    return str(t)


def expected_kinds(table: str) -> dict[str, str]:
    spec = TABLES[table]
    kinds = {f.name: arrow_kind(f.type) for f in spec.schema}
    kinds.update({c: arrow_kind(PARTITION_TYPES[c]) for c in spec.partition_cols})
    return kinds


TS_COL = {"articles": "published_at", "entities": "published_at", "events": "published_at",
          "rejects": "rejected_at"}


def _fingerprint(rows: int, dates: list[Any], actors: list[Any] | None, ts_max_us: int | None) -> dict[str, Any]:
    return {"rows": rows, "dates": sorted(str(d) for d in dates),
            "actors": sorted(str(a) for a in actors) if actors is not None else None, "ts_max_us": ts_max_us}


def _epoch_us(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        assert value.tzinfo is not None, "timestamp came back without a time zone"
        return round(value.timestamp() * 1_000_000)
    return int(value)


def read_duckdb(out: Path, table: str) -> tuple[dict[str, str], dict[str, Any]]:
    import duckdb

    kinds = {"VARCHAR": "string", "DATE": "date", "BOOLEAN": "bool", "TINYINT": "int8", "SMALLINT": "int16",
             "INTEGER": "int32", "BIGINT": "int64", "FLOAT": "float32", "DOUBLE": "float64",
             "TIMESTAMP WITH TIME ZONE": "timestamp_utc"}
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    src = f"read_parquet('{out}/{table}/**/*.parquet', hive_partitioning = true)"
    rel = con.execute(f"SELECT * FROM {src} LIMIT 0")
    types = {d[0]: kinds.get(str(d[1]), str(d[1])) for d in rel.description}
    has_actor = "actor" in types
    rows, dates, actors, ts = con.execute(
        f"SELECT count(*), list(DISTINCT date), {'list(DISTINCT actor)' if has_actor else 'NULL'}, "
        f"epoch_us(max({TS_COL[table]})) FROM {src}").fetchone()
    return types, _fingerprint(rows, dates, actors if has_actor else None, ts)


def _from_arrow(t: pa.Table, table: str) -> dict[str, Any]:
    import pyarrow.compute as pc

    actors = pc.unique(t["actor"]).to_pylist() if "actor" in t.column_names else None
    ts = pc.max(t[TS_COL[table]]).as_py()
    return _fingerprint(t.num_rows, pc.unique(t["date"]).to_pylist(), actors, _epoch_us(ts))


def read_pyarrow(out: Path, table: str) -> tuple[dict[str, str], dict[str, Any]]:
    t = TABLES[table].dataset(str(out)).to_table()
    return {f.name: arrow_kind(f.type) for f in t.schema}, _from_arrow(t, table)


def read_pandas(out: Path, table: str) -> tuple[dict[str, str], dict[str, Any]]:
    """As documented: the typed Hive partitioning, pyarrow-backed dtypes (DATE stays a date)."""
    import pandas as pd

    df = pd.read_parquet(out / table, partitioning=TABLES[table].partitioning(), dtype_backend="pyarrow")
    types = {c: arrow_kind(d.pyarrow_dtype) if isinstance(d, pd.ArrowDtype) else str(d) for c, d in df.dtypes.items()}
    actors = df["actor"].unique().tolist() if "actor" in df else None
    ts = df[TS_COL[table]].max()
    return types, _fingerprint(len(df), df["date"].unique().tolist(), actors,
                               None if pd.isna(ts) else _epoch_us(ts.to_pydatetime()))


def read_polars(out: Path, table: str) -> tuple[dict[str, str], dict[str, Any]]:
    import polars as pl

    kinds = {pl.String: "string", pl.Date: "date", pl.Boolean: "bool", pl.Int8: "int8", pl.Int16: "int16",
             pl.Int32: "int32", pl.Int64: "int64", pl.Float32: "float32", pl.Float64: "float64"}
    df = pl.scan_parquet(f"{out}/{table}/**/*.parquet", hive_partitioning=True).collect()
    types = {}
    for name, dtype in df.schema.items():
        if isinstance(dtype, pl.Datetime):
            types[name] = "timestamp_utc" if dtype.time_zone == "UTC" else f"timestamp[{dtype.time_zone}]"
        else:
            types[name] = kinds.get(dtype.base_type(), str(dtype))
    actors = df["actor"].unique().to_list() if "actor" in df.columns else None
    ts = df[TS_COL[table]].max()
    return types, _fingerprint(df.height, df["date"].unique().to_list(), actors, _epoch_us(ts))


def read_spark(spark: Any, out: Path, table: str) -> tuple[dict[str, str], dict[str, Any]]:
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    kinds = {T.StringType: "string", T.DateType: "date", T.BooleanType: "bool", T.ByteType: "int8",
             T.ShortType: "int16", T.IntegerType: "int32", T.LongType: "int64", T.FloatType: "float32",
             T.DoubleType: "float64", T.TimestampType: "timestamp_utc", T.TimestampNTZType: "timestamp_ntz"}
    df = spark.read.option("basePath", str(out / table)).parquet(str(out / table))
    types = {f.name: kinds.get(type(f.dataType), f.dataType.simpleString()) for f in df.schema.fields}
    has_actor = "actor" in df.columns
    row = df.agg(F.count(F.lit(1)).alias("n"), F.collect_set("date").alias("dates"),
                 (F.collect_set("actor") if has_actor else F.lit(None)).alias("actors"),
                 F.unix_micros(F.max(TS_COL[table])).alias("ts")).collect()[0]
    return types, _fingerprint(row["n"], row["dates"], row["actors"] if has_actor else None, row["ts"])


READERS = {"duckdb": read_duckdb, "pyarrow": read_pyarrow, "pandas": read_pandas, "polars": read_polars}


@pytest.fixture(scope="module")
def spark(tmp_path_factory: pytest.TempPathFactory):
    """PySpark in local mode, session time zone UTC (Spark shows TIMESTAMPs in it)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.errors.exceptions.base import PySparkRuntimeError
    from pyspark.sql import SparkSession

    tmp = tmp_path_factory.mktemp("spark")
    builder = (SparkSession.builder.master("local[2]").appName("vigie-bi-test")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.memory", "1g")
               .config("spark.local.dir", str(tmp / "local"))
               .config("spark.sql.warehouse.dir", str(tmp / "warehouse")))
    try:
        session = builder.getOrCreate()
    except PySparkRuntimeError:
        # the JVM gateway once died at start-up on a loaded 2-core machine (JAVA_GATEWAY_EXITED,
        # nothing on stderr); starting the JVM is the environment, not what is tested: once more
        time.sleep(2)
        session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.mark.parametrize("table", list(TABLES))
def test_every_reader_sees_the_same_rows_and_types(sample_output, spark, table):
    expected = expected_kinds(table)
    results = {name: read(sample_output, table) for name, read in READERS.items()}
    results["spark"] = read_spark(spark, sample_output, table)
    reference = results["pyarrow"][1]
    assert reference["rows"] > 0, f"the sample run wrote no {table}"
    for reader, (types, fingerprint) in results.items():
        assert types == expected, f"{reader} reads {table} with other types: " + ", ".join(
            f"{c}: {types.get(c)} (want {k})" for c, k in expected.items() if types.get(c) != k)
        assert fingerprint == reference, f"{reader} reads other {table} rows/values than pyarrow"


def test_key_types_are_the_ones_bi_tools_want():
    """Dates as DATE, timestamps UTC with a time zone, codes as strings, Goldstein a float."""
    ev = expected_kinds("events")
    assert ev["date"] == ev["event_date"] == "date"
    assert ev["published_at"] == ev["ingested_at"] == "timestamp_utc"
    for code in ("actor", "actor1_code", "actor2_code", "actor1_country", "event_code", "event_base_code",
                 "event_root_code"):
        assert ev[code] == "string", code
    assert ev["goldstein"] in ("float32", "float64")


def test_pandas_without_the_partitioning_still_counts_right(sample_output):
    """The one-liner works too; its partition columns are categories of strings (bi/README.md says so)."""
    import pandas as pd

    df = pd.read_parquet(sample_output / "events")
    assert len(df) == read_pyarrow(sample_output, "events")[1]["rows"]
    assert isinstance(df["date"].dtype, pd.CategoricalDtype)
    assert str(df["published_at"].dtype) == "datetime64[us, UTC]"


def test_spark_ddl_from_the_docs_reads_the_layout(sample_output, spark):
    """The Spark SQL CREATE TABLE (generated from schemas/, shown in bi/README.md) over the real folder."""
    from bi.ddl import ddl, spark_schema

    for table in ("events", "articles"):
        create, repair = ddl("spark", table, location=str(sample_output), namespace="").split(";\n")
        spark.sql(f"DROP TABLE IF EXISTS {table}")
        spark.sql(create)
        spark.sql(repair.rstrip(";"))
        n = spark.sql(f"SELECT count(*) AS n FROM {table}").collect()[0]["n"]
        assert n == read_pyarrow(sample_output, table)[1]["rows"]
        typed = spark.read.schema(spark_schema(table)).option("basePath", str(sample_output / table)) \
            .parquet(str(sample_output / table))
        assert typed.count() == n
    row = spark.sql("SELECT typeof(date) AS d, typeof(published_at) AS t, typeof(goldstein) AS g "
                    "FROM events LIMIT 1").collect()[0]
    assert (row["d"], row["t"], row["g"]) == ("date", "timestamp", "float")


# ---------------------------------------------------------------------------------------------
# Views


@pytest.fixture(scope="module")
def views(sample_output):
    from bi import connect

    return connect(sample_output)


def _q(con: Any, sql: str) -> list[dict[str, Any]]:
    rel = con.execute(sql)
    cols = [d[0] for d in rel.description]
    return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]


def test_every_view_runs_and_is_not_empty(views):
    from bi import VIEWS

    for view in VIEWS:
        assert views.execute(f"SELECT count(*) FROM {view}").fetchone()[0] > 0, view


def test_daily_event_counts_add_up_to_the_asserted_events(views):
    total = views.execute("SELECT sum(events) FROM daily_event_counts").fetchone()[0]
    asserted = views.execute("SELECT count(*) FROM events WHERE modality = 'asserted'").fetchone()[0]
    assert total == asserted > 0
    rows = _q(views, "SELECT DISTINCT quad_class, quad_class_name FROM daily_event_counts")
    assert {r["quad_class"] for r in rows} <= {1, 2, 3, 4} and all(r["quad_class_name"] for r in rows)


def test_cooperation_conflict_index_is_in_range(views):
    rows = _q(views, "SELECT * FROM cooperation_conflict_index")
    assert rows
    for r in rows:
        assert r["actor1_country"] and r["actor2_country"]
        assert -10 <= r["goldstein_index"] <= 10
        assert r["cooperation"] >= 0 and r["conflict"] >= 0
        if r["cooperation_conflict_index"] is not None:
            assert -1 <= r["cooperation_conflict_index"] <= 1
        if r["conflict_events"] == 0 and r["cooperation"] > 0:
            assert r["cooperation_conflict_index"] == 1


@pytest.mark.skipif(not SEED.exists(), reason=f"needs {SEED} (shared material absent)")
def test_index_sees_the_us_russia_tension_of_the_seed(views):
    """The seed: the US warns and accuses Russia (conflict) on 2022-01-21."""
    row = _q(views, "SELECT * FROM cooperation_conflict_index WHERE event_date = DATE '2022-01-21' "
                    "AND actor1_country = 'USA' AND actor2_country = 'RUS'")
    assert row and row[0]["conflict_events"] >= 1 and row[0]["goldstein_index"] < 0


def test_top_actors_ranked(views):
    rows = _q(views, "SELECT * FROM top_actors ORDER BY rank, actor_code")
    assert rows and rows[0]["rank"] == 1
    assert all(r["events"] == r["as_source"] + r["as_target"] for r in rows)
    assert "UNK" not in {r["actor_code"] for r in rows}
    assert [r["events"] for r in rows] == sorted((r["events"] for r in rows), reverse=True)


GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code",
    "Actor2Type2Code", "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor1Geo_FullName",
    "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long",
    "Actor1Geo_FeatureID", "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
]


def test_gdelt_export_has_gdelt_columns_and_values(views):
    rel = views.execute("SELECT * FROM gdelt_events")
    assert [d[0] for d in rel.description] == GDELT_COLUMNS
    assert len(GDELT_COLUMNS) == 61
    rows = _q(views, "SELECT * FROM gdelt_events")
    ids = [r["GLOBALEVENTID"] for r in rows]
    assert len(set(ids)) == len(ids) and all(isinstance(i, int) and i > 0 for i in ids)
    for r in rows:
        assert re.fullmatch(r"(19|20)\d{6}", str(r["SQLDATE"]))
        assert r["MonthYear"] == r["SQLDATE"] // 100 and r["Year"] == r["SQLDATE"] // 10000
        assert r["EventCode"].startswith(r["EventBaseCode"]) and r["EventBaseCode"].startswith(r["EventRootCode"])
        assert isinstance(r["EventCode"], str) and r["QuadClass"] in (1, 2, 3, 4)
        assert isinstance(r["GoldsteinScale"], float) and -10 <= r["GoldsteinScale"] <= 10
        assert r["Actor1Code"] != "UNK" and r["Actor2Code"] != "UNK"
        assert re.fullmatch(r"20\d{12}", str(r["DATEADDED"]))
        if r["ActionGeo_Lat"] is not None:
            assert r["ActionGeo_Type"] == 4 and r["ActionGeo_FullName"] == r["ActionGeo_FullName"].strip()
    assert any(r["Actor1Type1Code"] == "GOV" for r in rows)
    n = views.execute("SELECT count(*) FROM events WHERE modality = 'asserted'").fetchone()[0]
    assert len(rows) == n


def test_views_in_a_database_file_for_bi_tools(sample_output, tmp_path):
    """`python -m bi views --database f.duckdb`: the views name the folder, no variable needed."""
    import duckdb

    from bi import connect

    db = tmp_path / "vigie.duckdb"
    connect(sample_output, database=db).close()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM gdelt_events").fetchone()[0] > 0


# ---------------------------------------------------------------------------------------------
# Docs


def test_bi_readme_has_every_example_and_they_run(views):
    from bi import EXAMPLES

    readme = (BI / "README.md").read_text(encoding="utf-8")
    for title, query in EXAMPLES:
        assert query in readme, f"bi/README.md lacks the example {title!r} (python -m bi examples)"
        assert views.execute(query).fetchall(), title


def test_bi_readme_ddl_is_generated_from_the_schemas():
    from bi.ddl import DIALECTS, ddl

    readme = (BI / "README.md").read_text(encoding="utf-8")
    for dialect in DIALECTS:
        assert ddl(dialect, "events") in readme, f"bi/README.md: regenerate with python -m bi ddl {dialect}"


def test_bi_readme_documents_every_view():
    from bi import VIEWS

    readme = (BI / "README.md").read_text(encoding="utf-8")
    for view in VIEWS:
        assert f"`{view}`" in readme, view
