"""Sinks: Hive-partitioned Parquet, one file per partition, written atomically.

Why not WriteToParquet or fileio.WriteToFiles: the first can leave files
without a footer when windows share a handle, the second silently leaves
Hive-style paths in its temp folder (DEVELOPERS.md). This sink is small
enough to reason about:
- rows are grouped by partition (`date=…[/actor=…]`), sorted, and written as
  one zstd Parquet file with pyarrow, to a hidden temp name in the final
  folder, then renamed: readers never see a half-written file;
- the file name is a hash of the article ids in it, so re-running on the
  same input replaces the file instead of adding a second copy;
- partition values are checked against a closed pattern: a value that does
  not fit becomes UNK, so article text can never create a path.
Paths go through Beam's FileSystems, so `--output gs://…` works the same.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import Any

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics

from schemas import TableSpec
from transforms.text import stable_id

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ACTOR = re.compile(r"[A-Z0-9]{2,12}")


def safe_partition_value(col: str, value: Any) -> str:
    text = str(value) if value is not None else ""
    if col == "date":
        if not _DATE.fullmatch(text):
            raise ValueError(f"partition date {text!r} is not YYYY-MM-DD")
        return text
    return text if _ACTOR.fullmatch(text) else "UNK"


def partition_path(spec: TableSpec, row: dict[str, Any]) -> str:
    """`date=2022-01-21/actor=USA` for a row (partition keys are on the row)."""
    return "/".join(f"{c}={safe_partition_value(c, row.get(c))}" for c in spec.partition_cols)


def file_name(spec: TableSpec, rows: list[dict[str, Any]]) -> str:
    id_col = "article_id" if "article_id" in spec.schema.names and spec.name != "rejects" \
        else spec.schema.names[0]
    ids = sorted({str(r.get(id_col)) for r in rows})
    return f"part-{stable_id(*ids, length=16)}.parquet"


def write_partition(spec: TableSpec, output: str, part: str, rows: list[dict[str, Any]]) -> str:
    """Write one partition file atomically; returns its final path."""
    import pyarrow.parquet as pq

    first = spec.schema.names[0]
    rows = sorted(rows, key=lambda r: tuple(str(r.get(c)) for c in (first, *spec.schema.names[1:3])))
    table = spec.to_table(rows)
    folder = FileSystems.join(output, spec.name, *part.split("/"))
    final = FileSystems.join(folder, file_name(spec, rows))
    tmp = FileSystems.join(folder, f".{uuid.uuid4().hex}.inprogress")
    with FileSystems.create(tmp) as fh:
        pq.write_table(table, fh, compression="zstd", write_statistics=True)
    if FileSystems.exists(final):
        FileSystems.delete([final])
    FileSystems.rename([tmp], [final])
    return final


class _WritePartition(beam.DoFn):
    def __init__(self, spec: TableSpec, output: str) -> None:
        self.spec = spec
        self.output = output
        self.files = Metrics.counter("sink", f"{spec.name}_files")
        self.rows = Metrics.counter("sink", f"{spec.name}_rows")

    def process(self, keyed: tuple[str, Iterable[dict[str, Any]]]) -> Iterable[dict[str, Any]]:
        part, rows = keyed
        rows = list(rows)
        path = write_partition(self.spec, self.output, part, rows)
        self.files.inc()
        self.rows.inc(len(rows))
        yield {"table": self.spec.name, "partition": part, "rows": len(rows), "path": path}


class WriteTable(beam.PTransform):
    """Rows (dicts carrying their partition keys) to `<output>/<table>/<partition>/part-….parquet`."""

    def __init__(self, spec: TableSpec, output: str) -> None:
        super().__init__()
        self.spec = spec
        self.output = output

    def expand(self, rows: beam.PCollection) -> beam.PCollection:
        spec = self.spec
        return (
            rows
            | "ByPartition" >> beam.Map(lambda r: (partition_path(spec, r), r))
            | "Group" >> beam.GroupByKey()
            | "Write" >> beam.ParDo(_WritePartition(spec, self.output))
        )
