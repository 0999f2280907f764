"""External table definitions for the output layout, generated from schemas/ (the one source of truth).

    python -m bi ddl bigquery --location gs://my-bucket/out [--table events] [--dataset my_project.vigie]
    python -m bi ddl trino    --location s3://my-bucket/out [--schema hive.vigie]
    python -m bi ddl hive     --location s3://my-bucket/out [--schema vigie]
    python -m bi ddl spark    --location /data/vigie/out

Stored columns come from each table's pyarrow schema; the partition columns (`date` DATE,
`actor` STRING) from the folder names. bi/README.md shows the `events` definitions; a test
checks they are what this module prints, and runs the Spark one.
"""

from __future__ import annotations

import pyarrow as pa

from schemas import TABLES, TableSpec
from schemas.table import PARTITION_TYPES

DIALECTS = ("bigquery", "trino", "hive", "spark")
PLACEHOLDER = {"bigquery": "gs://my-bucket/out", "trino": "s3://my-bucket/out", "hive": "s3://my-bucket/out",
               "spark": "/data/vigie/out"}
NAMESPACE = {"bigquery": "my_project.vigie", "trino": "hive.vigie", "hive": "vigie", "spark": ""}


def _kind(t: pa.DataType) -> str:
    for name, test in (("string", pa.types.is_string), ("date", pa.types.is_date32), ("bool", pa.types.is_boolean),
                       ("int8", pa.types.is_int8), ("int16", pa.types.is_int16), ("int32", pa.types.is_int32),
                       ("int64", pa.types.is_int64), ("float32", pa.types.is_float32),
                       ("float64", pa.types.is_float64)):
        if test(t):
            return name
    if pa.types.is_timestamp(t) and t.tz == "UTC":
        return "timestamp_utc"
    raise ValueError(f"no SQL type for {t}")


TYPES = {
    # BigQuery reads int8/16/32 as INT64 and float32 as FLOAT64; UTC timestamps are TIMESTAMP.
    "bigquery": {"string": "STRING", "date": "DATE", "bool": "BOOL", "int8": "INT64", "int16": "INT64",
                 "int32": "INT64", "int64": "INT64", "float32": "FLOAT64", "float64": "FLOAT64",
                 "timestamp_utc": "TIMESTAMP"},
    # The Hive connector has no `timestamp with time zone` column: timestamp(6) holding UTC.
    "trino": {"string": "varchar", "date": "date", "bool": "boolean", "int8": "tinyint", "int16": "smallint",
              "int32": "integer", "int64": "bigint", "float32": "real", "float64": "double",
              "timestamp_utc": "timestamp(6)"},
    "hive": {"string": "STRING", "date": "DATE", "bool": "BOOLEAN", "int8": "TINYINT", "int16": "SMALLINT",
             "int32": "INT", "int64": "BIGINT", "float32": "FLOAT", "float64": "DOUBLE",
             "timestamp_utc": "TIMESTAMP"},
    # Spark's TIMESTAMP is an instant (shown in spark.sql.session.timeZone, set it to UTC).
    "spark": {"string": "STRING", "date": "DATE", "bool": "BOOLEAN", "int8": "TINYINT", "int16": "SMALLINT",
              "int32": "INT", "int64": "BIGINT", "float32": "FLOAT", "float64": "DOUBLE",
              "timestamp_utc": "TIMESTAMP"},
}


def columns(spec: TableSpec, dialect: str) -> list[tuple[str, str]]:
    """(name, SQL type) of the stored columns, then the partition columns."""
    types = TYPES[dialect]
    cols = [(f.name, types[_kind(f.type)]) for f in spec.schema]
    return cols + [(c, types[_kind(PARTITION_TYPES[c])]) for c in spec.partition_cols]


def _cols(pairs: list[tuple[str, str]], quote: str) -> str:
    width = max(len(n) for n, _ in pairs) + 2 * len(quote)
    return ",\n".join(f"  {(quote + n + quote).ljust(width)} {t}" for n, t in pairs)


def ddl(dialect: str, table: str = "events", location: str | None = None, namespace: str | None = None) -> str:
    """The CREATE statement(s) for one table under an output folder (`location`, no table name)."""
    if dialect not in DIALECTS:
        raise ValueError(f"dialect must be one of {', '.join(DIALECTS)}")
    spec = TABLES[table]
    base = (location or PLACEHOLDER[dialect]).rstrip("/") + "/" + table
    ns = NAMESPACE[dialect] if namespace is None else namespace
    name = f"{ns}.{table}" if ns else table
    stored = columns(spec, dialect)[: len(spec.schema)]
    parts = columns(spec, dialect)[len(spec.schema):]
    if dialect == "bigquery":
        return (
            f"CREATE OR REPLACE EXTERNAL TABLE `{name}` (\n{_cols(stored, '')}\n)\n"
            f"WITH PARTITION COLUMNS (\n{_cols(parts, '')}\n)\n"
            f"OPTIONS (\n"
            f"  format = 'PARQUET',\n"
            f"  uris = ['{base}/*.parquet'],\n"
            f"  hive_partition_uri_prefix = '{base}'\n"
            f");"
        )
    if dialect == "trino":
        keys = ", ".join(f"'{c}'" for c, _ in parts)
        catalog, _, schema = ns.partition(".") if "." in ns else ("hive", "", ns)
        return (
            f"CREATE TABLE {name} (\n{_cols(stored + parts, chr(34))}\n)\n"
            f"WITH (\n"
            f"  external_location = '{base}',\n"
            f"  format = 'PARQUET',\n"
            f"  partitioned_by = ARRAY[{keys}]\n"
            f");\n"
            f"CALL {catalog}.system.sync_partition_metadata('{schema}', '{table}', 'FULL');"
        )
    if dialect == "hive":
        return (
            f"CREATE EXTERNAL TABLE {name} (\n{_cols(stored, '`')}\n)\n"
            f"PARTITIONED BY (\n{_cols(parts, '`')}\n)\n"
            f"STORED AS PARQUET\n"
            f"LOCATION '{base}';\n"
            f"MSCK REPAIR TABLE {name};"
        )
    keys = ", ".join(c for c, _ in parts)
    return (
        f"CREATE TABLE {name} (\n{_cols(stored + parts, '`')}\n)\n"
        f"USING parquet\n"
        f"PARTITIONED BY ({keys})\n"
        f"LOCATION '{base}';\n"
        f"MSCK REPAIR TABLE {name};"
    )


def spark_schema(table: str) -> str:
    """The table's Spark DDL schema string, for `spark.read.schema(...)` (partition columns included)."""
    return ", ".join(f"`{n}` {t}" for n, t in columns(TABLES[table], "spark"))
