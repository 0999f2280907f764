"""What every table shares: the version, the partition columns, the reader."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

# Bump on any change a reader could notice (column added, renamed, retyped).
SCHEMA_VERSION = 1

UTC_TS = pa.timestamp("us", tz="UTC")

PARTITION_TYPES: dict[str, pa.DataType] = {"date": pa.date32(), "actor": pa.string()}


@dataclass(frozen=True)
class TableSpec:
    """One output table: its stored columns and how it is partitioned."""

    name: str
    schema: pa.Schema
    partition_cols: tuple[str, ...]
    doc: dict[str, str]

    @property
    def arrow_schema(self) -> pa.Schema:
        """The stored schema, with the version in its metadata for readers."""
        return self.schema.with_metadata(
            {"vigie.table": self.name, "vigie.schema_version": str(SCHEMA_VERSION)}
        )

    def partitioning(self) -> Any:
        """A pyarrow Hive partitioning with typed keys (date as DATE)."""
        import pyarrow.dataset as ds

        fields = [pa.field(c, PARTITION_TYPES[c]) for c in self.partition_cols]
        return ds.partitioning(pa.schema(fields), flavor="hive")

    def dataset(self, output: str) -> Any:
        """Open this table under an output folder as a pyarrow dataset."""
        import pyarrow.dataset as ds

        return ds.dataset(
            f"{output.rstrip('/')}/{self.name}",
            format="parquet",
            partitioning=self.partitioning(),
            exclude_invalid_files=False,
            ignore_prefixes=[".", "_"],
        )

    def to_table(self, rows: list[dict[str, Any]]) -> pa.Table:
        """Rows (dicts) to an Arrow table with exactly the stored schema."""
        return pa.Table.from_pylist(
            [{c: r.get(c) for c in self.schema.names} for r in rows],
            schema=self.arrow_schema,
        )


def field(name: str, type_: pa.DataType, doc: str, nullable: bool = True) -> tuple[pa.Field, str]:
    """A column and its documentation, kept side by side."""
    return pa.field(name, type_, nullable=nullable), doc


def build(name: str, partition_cols: tuple[str, ...], *cols: tuple[pa.Field, str]) -> TableSpec:
    schema = pa.schema([c for c, _ in cols])
    docs = {c.name: d for c, d in cols}
    docs.update(
        {
            "date": "Partition (folder `date=YYYY-MM-DD`), read back as DATE.",
            "actor": "Partition (folder `actor=CODE`): country ISO3, organisation code or UNK.",
        }
    )
    return TableSpec(name, schema, partition_cols, {k: docs[k] for k in (*schema.names, *partition_cols)})


def partition_date(value: dt.datetime | dt.date) -> str:
    """The `date=` folder value: always produced from a real date, never from text."""
    if isinstance(value, dt.datetime):
        value = value.astimezone(dt.timezone.utc).date()
    return value.isoformat()
