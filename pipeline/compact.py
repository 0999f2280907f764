"""`python -m pipeline compact --output out`: merge each partition's small files into one.

Streaming writes one file per partition per pane (every `--write_window`),
so a busy day partition collects many small files; DuckDB and Spark read
many small files slowly. Compaction rewrites a partition's files as one
sorted zstd file with the same rows (checked by count before anything is
deleted), written under a hidden temporary name and renamed, like the sink.

Only partitions whose day is at least `--older_than` old are touched
(default: the streaming default allowed lateness, 2 days), so a running
streaming job no longer writes into them. A reader listing the folder in the
instant between the rename and the deletion can see the rows twice; run it
when dashboards are quiet, or on days the job has closed, as by default.
Local folders only (a bucket's partitions can be compacted the same way with
a Spark or BigQuery job).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.options import duration
from schemas import TABLES, TableSpec
from transforms.text import stable_id


@dataclass(frozen=True)
class Compaction:
    table: str
    partition: str  # date=…/actor=…
    files_before: int
    rows: int
    path: str


def partition_day(partition: str) -> dt.date | None:
    for part in partition.split("/"):
        if part.startswith("date="):
            try:
                return dt.date.fromisoformat(part[len("date="):])
            except ValueError:
                return None
    return None


def partitions(output: str, spec: TableSpec) -> dict[str, list[str]]:
    """Visible part files by partition folder (relative), for one table."""
    root = os.path.join(output, spec.name)
    found: dict[str, list[str]] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        parts = sorted(f for f in files if f.endswith(".parquet") and not f.startswith("."))
        if parts:
            found[os.path.relpath(folder, root)] = [os.path.join(folder, f) for f in parts]
    return found


def compact_partition(spec: TableSpec, folder: str, files: list[str]) -> tuple[str, int]:
    """Merge `files` (one partition) into one file; returns its path and row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = [pq.read_table(f) for f in files]
    merged = pa.concat_tables(tables, promote_options="default")
    keys = [c for c in spec.schema.names[:3] if c in merged.column_names]
    merged = merged.sort_by([(c, "ascending") for c in keys])
    id_col = "article_id" if "article_id" in merged.column_names and spec.name != "rejects" \
        else merged.column_names[0]
    ids = sorted({str(v) for v in merged.column(id_col).to_pylist()})
    final = os.path.join(folder, f"part-{stable_id(*ids, length=16)}.parquet")
    tmp = os.path.join(folder, f".{uuid.uuid4().hex}.inprogress")
    try:
        pq.write_table(merged, tmp, compression="zstd", write_statistics=True)
        written = pq.ParquetFile(tmp).metadata.num_rows
        if written != merged.num_rows:
            raise RuntimeError(f"compacted file has {written} rows, expected {merged.num_rows}")
        os.replace(tmp, final)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    for f in files:
        if os.path.abspath(f) != os.path.abspath(final):
            os.remove(f)
    return final, merged.num_rows


def compact(output: str, tables: Sequence[str] | None = None, older_than_s: float = 2 * 86400.0,
            min_files: int = 2, today: dt.date | None = None, dry_run: bool = False) -> list[Compaction]:
    """Compact every partition with at least `min_files` files whose day is old enough."""
    today = today or dt.datetime.now(dt.timezone.utc).date()
    cutoff = today - dt.timedelta(days=older_than_s / 86400.0)
    done = []
    for name in tables or list(TABLES):
        spec = TABLES[name]
        for rel, files in sorted(partitions(output, spec).items()):
            day = partition_day(rel)
            if len(files) < min_files or day is None or day > cutoff:
                continue
            folder = os.path.join(output, spec.name, rel)
            if dry_run:
                done.append(Compaction(name, rel, len(files), -1, folder))
                continue
            path, rows = compact_partition(spec, folder, files)
            done.append(Compaction(name, rel, len(files), rows, path))
    return done


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline compact", description=__doc__.split("\n")[0])
    parser.add_argument("--output", default="out", help="The output folder of a batch or streaming run.")
    parser.add_argument("--table", action="append", choices=sorted(TABLES), help="Only this table (repeatable).")
    parser.add_argument("--older_than", "--older-than", dest="older_than", type=duration, default=2 * 86400.0,
                        help="Only partitions whose day is at least this old (default 2d; 1s for all).")
    parser.add_argument("--min_files", "--min-files", dest="min_files", type=int, default=2,
                        help="Only partitions with at least this many files.")
    parser.add_argument("--dry_run", "--dry-run", dest="dry_run", action="store_true",
                        help="Say what would be merged, change nothing.")
    args = parser.parse_args(argv)
    if "://" in args.output:
        print("error: compact works on local folders", file=sys.stderr)
        return 2
    result = compact(args.output, args.table, args.older_than, args.min_files, dry_run=args.dry_run)
    files = sum(c.files_before for c in result)
    verb = "would merge" if args.dry_run else "merged"
    for c in result:
        print(f"{c.table}/{c.partition}: {c.files_before} files"
              + ("" if args.dry_run else f" -> 1 file, {c.rows} rows"))
    print(f"vigie compact: {verb} {files} files into {len(result)} in {args.output}")
    return 0
