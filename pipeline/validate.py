"""`python -m pipeline validate --output out`: check an output folder against the data contract.

For each table folder (articles, entities, events, rejects), every file must be a Parquet file with a
readable footer whose Arrow schema (names, types, nullability) is the table's schema, carrying
`vigie.table` = the folder and `vigie.schema_version` = schemas.SCHEMA_VERSION; the folders below the
table must be exactly its partition columns, in order, as `col=value` with a valid value (date: a real
YYYY-MM-DD date; actor: [A-Z0-9]{2,12}, the pattern transforms/sinks.py writes); every partition must
hold rows. Row counts come from the footers (num_rows), so nothing but footers is read unless --deep.

Problems (exit 1): an unreadable or wrong file, a stray non-Parquet file, a bad or empty partition
folder, an unknown top-level folder. Warnings (exit 0): a table folder that is absent (a run with no
such rows), a leftover hidden `.…inprogress` temp file (a killed run leaves one; readers ignore it and
it is safe to delete), a top-level file other than report.html.

Local folders and, through pyarrow's filesystems, `gs://…` / `s3://…` URIs are accepted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from schemas import SCHEMA_VERSION, TABLES, TableSpec

# Same closed patterns as transforms/sinks.py (safe_partition_value); a date must also be a real date.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ACTOR = re.compile(r"[A-Z0-9]{2,12}")

# Top-level files vigie itself may leave in an output folder (`python -m pipeline report`).
KNOWN_TOP_FILES = {"report.html"}


@dataclass(frozen=True)
class Problem:
    table: str  # "" for the output folder itself
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.table or '-'}: {self.path}: {self.message}"


@dataclass
class TableStats:
    files: int = 0
    partitions: int = 0
    rows: int = 0
    rows_by_partition: dict[str, int] = field(default_factory=dict)


@dataclass
class Validation:
    output: str
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    stats: dict[str, TableStats] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_date(value: str) -> str | None:
    if not _DATE.fullmatch(value):
        return "is not YYYY-MM-DD"
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return "is not a real date"
    return None


def _check_actor(value: str) -> str | None:
    return None if _ACTOR.fullmatch(value) else "is not an actor code ([A-Z0-9]{2,12})"


PARTITION_CHECKS: dict[str, Callable[[str], str | None]] = {"date": _check_date, "actor": _check_actor}


def partition_error(col: str, name: str) -> str | None:
    """Why a folder name is not a valid `col=value` for this partition column (None when it is)."""
    key, sep, value = name.partition("=")
    if not sep:
        return f"folder {name!r} is not a partition folder (expected {col}=…)"
    if key != col:
        return f"folder {name!r}: expected partition column {col!r} here, found {key!r}"
    check = PARTITION_CHECKS.get(col)
    if check is None:
        return f"folder {name!r}: no rule to check partition column {col!r}"
    why = check(value)
    return f"folder {name!r}: {col} value {value!r} {why}" if why else None


def schema_diff(actual: pa.Schema, expected: pa.Schema) -> list[str]:
    """Human-readable differences in names, types and nullability (empty when equal)."""
    diffs: list[str] = []
    got = {f.name: f for f in actual}
    want = {f.name: f for f in expected}
    for f in expected:
        if f.name not in got:
            diffs.append(f"missing column {f.name!r} ({f.type})")
    for f in actual:
        if f.name not in want:
            diffs.append(f"unexpected column {f.name!r} ({f.type})")
    for f in expected:
        g = got.get(f.name)
        if g is None:
            continue
        if not g.type.equals(f.type):
            diffs.append(f"column {f.name!r} is {g.type}, expected {f.type}")
        if g.nullable != f.nullable:
            diffs.append(f"column {f.name!r} is {'nullable' if g.nullable else 'required'}, "
                         f"expected {'nullable' if f.nullable else 'required'}")
    if not diffs and actual.names != expected.names:
        diffs.append(f"columns out of order: {actual.names}, expected {expected.names}")
    return diffs


def _filesystem(output: str) -> tuple[Any, str]:
    import os

    from pyarrow import fs

    if "://" in output:
        return fs.FileSystem.from_uri(output)
    return fs.LocalFileSystem(), os.path.abspath(output)


def _ls(filesystem: Any, path: str) -> list[Any]:
    from pyarrow import fs

    return sorted(filesystem.get_file_info(fs.FileSelector(path)), key=lambda i: i.base_name)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


class _Checker:
    def __init__(self, output: str, deep: bool) -> None:
        self.result = Validation(output)
        self.deep = deep
        self.fs, self.root = _filesystem(output)

    def show(self, path: str) -> str:
        """A path as the user gave it (output + relative part)."""
        rel = path[len(self.root):].lstrip("/")
        return f"{self.result.output.rstrip('/')}/{rel}" if rel else self.result.output

    def problem(self, table: str, path: str, message: str) -> None:
        self.result.problems.append(Problem(table, self.show(path), message))

    def warn(self, table: str, path: str, message: str) -> None:
        self.result.warnings.append(Problem(table, self.show(path), message))

    def run(self) -> Validation:
        from pyarrow import fs

        info = self.fs.get_file_info(self.root)
        if info.type != fs.FileType.Directory:
            what = "does not exist" if info.type == fs.FileType.NotFound else "is not a folder"
            self.problem("", self.root, f"output folder {what}")
            return self.result
        entries = {i.base_name: i for i in _ls(self.fs, self.root)}
        for name, entry in entries.items():
            if _is_hidden(name) or name in TABLES:
                continue
            if entry.type == fs.FileType.Directory:
                self.problem("", entry.path, f"unknown folder {name!r} (tables are: {', '.join(TABLES)})")
            elif name not in KNOWN_TOP_FILES:
                self.warn("", entry.path, "file is not part of the vigie output")
        for name, spec in TABLES.items():
            stats = self.result.stats.setdefault(name, TableStats())
            entry = entries.get(name)
            if entry is None:
                self.warn(name, f"{self.root}/{name}", "table folder is absent (no rows of this table were written)")
            elif entry.type != fs.FileType.Directory:
                self.problem(name, entry.path, "a file stands where the table folder should be")
            else:
                self.walk(spec, stats, entry.path, ())
        return self.result

    def walk(self, spec: TableSpec, stats: TableStats, path: str, parts: tuple[str, ...]) -> None:
        """One folder below the table; `parts` are the partition folders above it."""
        from pyarrow import fs

        depth = len(parts)
        leaf = depth == len(spec.partition_cols)
        children = [c for c in _ls(self.fs, path) if not self.hidden(spec.name, c)]
        subfolders = [c for c in children if c.type == fs.FileType.Directory]
        files = [c for c in children if c.type != fs.FileType.Directory]
        if leaf:
            for c in subfolders:
                self.problem(spec.name, c.path, "unexpected folder inside a partition "
                             f"(partitions are {'/'.join(spec.partition_cols)})")
            rows, n_files = 0, 0
            for c in files:
                n = self.check_file(spec, c)
                if n is not None:
                    rows += n
                    n_files += 1
            part = "/".join(parts)
            stats.partitions += 1
            stats.files += n_files
            stats.rows += rows
            stats.rows_by_partition[part] = rows
            if not files:
                self.problem(spec.name, path, "empty partition folder (no Parquet files)")
            elif n_files and not rows:
                self.problem(spec.name, path, "partition holds no rows")
            return
        for c in files:
            where = "in the table folder" if depth == 0 else f"above the {spec.partition_cols[depth]}= folders"
            self.problem(spec.name, c.path, f"stray file {where} (files belong in "
                         f"{'/'.join(f'{p}=…' for p in spec.partition_cols)}/)")
        col = spec.partition_cols[depth]
        for c in subfolders:
            err = partition_error(col, c.base_name)
            if err:
                self.problem(spec.name, c.path, err)
            self.walk(spec, stats, c.path, (*parts, c.base_name))
        if not subfolders and depth > 0:
            self.problem(spec.name, path, f"empty partition folder (no {col}= folders)")

    def hidden(self, table: str, entry: Any) -> bool:
        """Hidden entries are invisible to readers: warn about leftovers, never fail on them."""
        name = entry.base_name
        if not _is_hidden(name):
            return False
        if name.endswith(".inprogress"):
            self.warn(table, entry.path, "leftover temp file from an interrupted run "
                      "(readers ignore it; safe to delete)")
        return True

    def check_file(self, spec: TableSpec, entry: Any) -> int | None:
        """Rows in a good Parquet file; None (and a problem) for anything else."""
        import pyarrow.parquet as pq

        if not entry.base_name.endswith(".parquet"):
            self.problem(spec.name, entry.path, "stray file: not a .parquet file")
            return None
        try:
            md = pq.read_metadata(entry.path, filesystem=self.fs)
            schema = md.schema.to_arrow_schema()
        except Exception as e:  # noqa: BLE001 - any unreadable footer is reported, not raised
            self.problem(spec.name, entry.path, f"unreadable Parquet footer ({type(e).__name__}: {e})")
            return None
        bad = False
        diffs = schema_diff(schema, spec.arrow_schema)
        if diffs:
            self.problem(spec.name, entry.path, f"schema differs from {spec.name} v{SCHEMA_VERSION}: "
                         + "; ".join(diffs))
            bad = True
        meta = {k.decode("utf-8", "replace"): v.decode("utf-8", "replace") for k, v in (md.metadata or {}).items()}
        table = meta.get("vigie.table")
        if table != spec.name:
            self.problem(spec.name, entry.path, f"metadata vigie.table is {table!r}, expected {spec.name!r}")
            bad = True
        version = meta.get("vigie.schema_version")
        if version != str(SCHEMA_VERSION):
            self.problem(spec.name, entry.path,
                         f"metadata vigie.schema_version is {version!r}, expected {str(SCHEMA_VERSION)!r}")
            bad = True
        if self.deep and not bad:
            try:
                read = pq.read_table(entry.path, filesystem=self.fs)
                if read.num_rows != md.num_rows:
                    raise ValueError(f"{read.num_rows} rows read, footer says {md.num_rows}")
            except Exception as e:  # noqa: BLE001
                self.problem(spec.name, entry.path, f"data unreadable ({type(e).__name__}: {e})")
                bad = True
        return md.num_rows


def check(output: str, deep: bool = False) -> Validation:
    """Problems, warnings and per-table counts for an output folder."""
    return _Checker(output, deep).run()


def validate(output: str, deep: bool = False) -> list[Problem]:
    """The problems in an output folder (empty when it is valid)."""
    return check(output, deep).problems


def print_validation(result: Validation, quiet: bool = False, file: Any = None) -> None:
    out = file or sys.stdout
    if not quiet:
        print(f"vigie validate: {result.output}", file=out)
        print(f"{'table':<10}{'files':>8}{'partitions':>12}{'rows':>10}", file=out)
        for name, s in result.stats.items():
            print(f"{name:<10}{s.files:>8}{s.partitions:>12}{s.rows:>10}", file=out)
    for p in result.problems:
        print(f"problem: {p}", file=out)
    if not quiet:
        for w in result.warnings:
            print(f"warning: {w}", file=out)
        n, w = len(result.problems), len(result.warnings)
        verdict = "OK" if result.ok else "FAILED"
        print(f"vigie validate: {verdict}: {n} problem{'s' * (n != 1)}, {w} warning{'s' * (w != 1)}", file=out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline validate",
        description="Check a vigie output folder: schemas, partition folders, Parquet footers, rows per partition. "
                    "Exits 1 on any problem.")
    parser.add_argument("--output", default="out", help="vigie output folder (default: out)")
    parser.add_argument("--quiet", action="store_true", help="print only the problems")
    parser.add_argument("--deep", action="store_true", help="also read every file's data, not only its footer")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    result = check(args.output, deep=args.deep)
    print_validation(result, quiet=args.quiet)
    return 0 if result.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
