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
In streaming mode rows are first windowed by day (transforms/windows.py) and
each pane of a day window writes its own file per partition, named by day,
pane index and ids, so files appear atomically while the job runs and
`python -m pipeline compact` can merge them later.
Paths go through Beam's FileSystems, so `--output gs://…` works the same.

Faults: an output that cannot be written (not a folder, no permission, disk
full, quota) stops the run with a `SinkWriteError` naming the table, the path
and the cause; a local --output is checked before the pipeline starts. A
failed write removes its temporary file; a killed one can leave a hidden
`.<hex>.inprogress` file, which no reader globbing `*.parquet` (DuckDB,
Spark, pyarrow datasets) ever sees and which is safe to delete.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import uuid
from collections.abc import Iterable
from typing import Any

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics
from apache_beam.transforms.window import GlobalWindow

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


def file_name(spec: TableSpec, rows: list[dict[str, Any]], pane: str | None = None) -> str:
    """`part-<hash of the ids>.parquet`; in streaming, `part-<day>-p<pane>-<hash>.parquet`.

    Both are deterministic: a retried bundle writes the same name and replaces the file.
    """
    id_col = "article_id" if "article_id" in spec.schema.names and spec.name != "rejects" \
        else spec.schema.names[0]
    ids = sorted({str(r.get(id_col)) for r in rows})
    digest = stable_id(*ids, length=16)
    return f"part-{pane}-{digest}.parquet" if pane else f"part-{digest}.parquet"


class SinkWriteError(RuntimeError):
    """The output cannot be written: the run stops, saying where and why."""


def _why(e: BaseException) -> str:
    err = getattr(e, "errno", None)
    if err in (errno.ENOSPC, errno.EDQUOT):
        return f"disk full or over quota ({e})"
    if err in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"no permission to write there ({e})"
    if err in (errno.ENOTDIR, errno.EEXIST):
        return f"a file stands where a folder is needed ({e})"
    if err == errno.EFBIG:
        return f"file size limit reached ({e})"
    return f"{type(e).__name__}: {e}"


def check_output_writable(output: str) -> None:
    """Fail fast, before any work, when a local output folder cannot be written."""
    if "://" in output:
        return  # buckets are checked by their first write
    probe = os.path.join(output, f".vigie-write-check-{uuid.uuid4().hex}")
    try:
        os.makedirs(output, exist_ok=True)
        with open(probe, "wb") as fh:
            fh.write(b"vigie")
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as e:
        raise SinkWriteError(f"vigie: cannot write to --output {output!r}: {_why(e)}") from e
    finally:
        with contextlib.suppress(OSError):
            os.remove(probe)


def write_partition(spec: TableSpec, output: str, part: str, rows: list[dict[str, Any]],
                    pane: str | None = None) -> str:
    """Write one partition file atomically; returns its final path.

    Any failure (disk full, permission, quota) removes the temporary file and
    raises SinkWriteError: a table is never left half-written under its final
    name, and the run stops instead of silently losing rows.
    """
    import pyarrow.parquet as pq

    first = spec.schema.names[0]
    rows = sorted(rows, key=lambda r: tuple(str(r.get(c)) for c in (first, *spec.schema.names[1:3])))
    table = spec.to_table(rows)
    folder = FileSystems.join(output, spec.name, *part.split("/"))
    final = FileSystems.join(folder, file_name(spec, rows, pane))
    tmp = FileSystems.join(folder, f".{uuid.uuid4().hex}.inprogress")
    try:
        with FileSystems.create(tmp) as fh:
            pq.write_table(table, fh, compression="zstd", write_statistics=True)
        if FileSystems.exists(final):
            FileSystems.delete([final])
        FileSystems.rename([tmp], [final])
    except Exception as e:
        try:
            if FileSystems.exists(tmp):
                FileSystems.delete([tmp])
        except Exception:  # noqa: BLE001 - best effort: the hidden temp file is never read
            pass
        cause = e
        # Beam's FileSystems wraps OSErrors in BeamIOError; find the OS error for the message.
        for inner in (getattr(e, "exception_details", None) or {}).values():
            if isinstance(inner, OSError):
                cause = inner
        raise SinkWriteError(f"vigie: cannot write {spec.name} partition {part} to {final}: {_why(cause)}") from e
    return final


def pane_label(win: Any, pane: Any) -> str | None:
    """`20220121-p0003` for pane 3 of a day window (streaming); None in the global window."""
    if isinstance(win, GlobalWindow):
        return None
    day = dt.datetime.fromtimestamp(win.start.micros / 1e6, dt.timezone.utc).strftime("%Y%m%d")
    return f"{day}-p{pane.index:04d}"


class _WritePartition(beam.DoFn):
    def __init__(self, spec: TableSpec, output: str) -> None:
        self.spec = spec
        self.output = output
        self.files = Metrics.counter("sink", f"{spec.name}_files")
        self.rows = Metrics.counter("sink", f"{spec.name}_rows")

    def process(self, keyed: tuple[str, Iterable[dict[str, Any]]],
                win: Any = beam.DoFn.WindowParam,
                pane: Any = beam.DoFn.PaneInfoParam) -> Iterable[dict[str, Any]]:
        part, rows = keyed
        rows = list(rows)
        if not rows:  # some engines (Flink) fire a window's closing pane even when it is empty
            Metrics.counter("sink", "empty_panes").inc()
            return
        path = write_partition(self.spec, self.output, part, rows, pane_label(win, pane))
        self.files.inc()
        self.rows.inc(len(rows))
        yield {"table": self.spec.name, "partition": part, "rows": len(rows), "path": path}


class WriteTable(beam.PTransform):
    """Rows (dicts carrying their partition keys) to `<output>/<table>/<partition>/part-….parquet`."""

    def __init__(self, spec: TableSpec, output: str, windowing: beam.PTransform | None = None) -> None:
        super().__init__()
        self.spec = spec
        self.output = output
        self.windowing = windowing  # streaming: transforms.windows.DayWindows

    def expand(self, rows: beam.PCollection) -> beam.PCollection:
        check_output_writable(self.output)
        spec = self.spec
        if self.windowing is not None:
            rows = rows | "Windows" >> self.windowing
        return (
            rows
            | "ByPartition" >> beam.Map(lambda r: (partition_path(spec, r), r))
            | "Group" >> beam.GroupByKey()
            | "Write" >> beam.ParDo(_WritePartition(spec, self.output))
        )
