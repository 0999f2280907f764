"""Which engine runs vigie, and the local files each engine needs.

The same pipeline runs on every engine; only the Beam flags differ (deploy/README.md):

- default, on this machine: Beam's Prism runner (a Go binary), built by `make prism` into
  `.cache/bin/prism` and passed with `--prism_location`, so apache-beam never tries to download
  it. When it has not been built (no Go), vigie says so in one line and runs on FnApiRunner.
- `--runner FlinkRunner`: the Beam Flink job server jar made by `make flink-jar` into
  `.cache/flink/` is passed with `--flink_job_server_jar` unless one is given.
- `--runner DataflowRunner` and any other runner: flags are passed through untouched.

`python -m pipeline.runners compare OUT_A OUT_B` checks that two runs wrote the same rows
(all columns but the ingestion/rejection timestamps), as the engine tests do;
`python -m pipeline.runners process-env` prints the --environment_config of PROCESS workers.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache"
PRISM_BIN = CACHE / "bin" / "prism"
# Beam's Python SDK harness boot program (`make boot`), for --environment_type PROCESS.
BOOT_BIN = CACHE / "bin" / "beam-python-boot"
FLINK_DIR = CACHE / "flink"

PRISM_RUNNER = "PrismRunner"
FALLBACK_RUNNER = "FnApiRunner"
# Flink minor version of the job server `make flink-jar` provides (deploy/README.md, "Flink").
FLINK_VERSION = "1.19"

# Columns that differ between two runs on the same input by design (when a row was read).
VOLATILE_COLUMNS = frozenset({"ingested_at", "rejected_at"})


def _flag_value(argv: Sequence[str], flag: str) -> str | None:
    """The value of `--flag=v` or `--flag v` (the last one wins, as in argparse); None if absent."""
    value = None
    for i, arg in enumerate(argv):
        if arg == flag and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith(flag + "="):
            value = arg.split("=", 1)[1]
    return value


def _has_flag(argv: Sequence[str], flag: str) -> bool:
    return any(a == flag or a.startswith(flag + "=") for a in argv)


def runner_key(name: str) -> str:
    """'PrismRunner', 'prism', 'apache_beam....prism_runner.PrismRunner' -> 'prism'."""
    key = name.rsplit(".", 1)[-1].lower()
    return key[: -len("runner")] if key.endswith("runner") and key != "runner" else key


def find_prism() -> Path | None:
    """The Prism binary: $VIGIE_PRISM if set, else `.cache/bin/prism` (`make prism`)."""
    env = os.environ.get("VIGIE_PRISM")
    candidate = Path(env) if env else PRISM_BIN
    return candidate if candidate.is_file() and os.access(candidate, os.X_OK) else None


def find_flink_job_server(flink_version: str = FLINK_VERSION) -> Path | None:
    """The job server jar `make flink-jar` leaves in .cache/flink/ ($VIGIE_FLINK_JOB_SERVER wins)."""
    env = os.environ.get("VIGIE_FLINK_JOB_SERVER")
    candidate = Path(env) if env else FLINK_DIR / f"job-server-{flink_version}.jar"
    return candidate if candidate.is_file() else None


def process_environment(python: str | Path | None = None, boot: str | Path | None = None) -> str:
    """--environment_config for --environment_type PROCESS on this machine: Beam's boot program
    starts workers with `python` (its folder first on PATH), vigie importable, no new virtualenv."""
    import json

    python = Path(python or sys.executable)
    env = {
        "PATH": os.pathsep.join([str(python.parent), os.environ.get("PATH", "/usr/bin:/bin")]),
        "PYTHONPATH": str(ROOT),
        "RUN_PYTHON_SDK_IN_DEFAULT_ENVIRONMENT": "1",
    }
    return json.dumps({"command": str(boot or BOOT_BIN), "env": env})


def engine_args(argv: Sequence[str], default_runner: str = PRISM_RUNNER) -> list[str]:
    """`argv` plus the flags that make the chosen engine run from local files.

    No --runner: Prism with --prism_location when the binary is there, else FnApiRunner (with a
    one-line notice on stderr). --runner Prism/Direct without --prism_location: the local binary
    is added (DirectRunner tries Prism first); Prism logs warnings only unless --prism_log_level.
    --runner Flink without --flink_job_server_jar: the local job server jar is added when present.
    """
    args = list(argv)
    runner = _flag_value(args, "--runner")
    if runner is None:
        runner = default_runner
        if runner_key(runner) == "prism" and find_prism() is None:
            print(f"vigie: Prism not found ({PRISM_BIN.relative_to(ROOT)}; `make prism` builds it, "
                  f"it needs Go): running on {FALLBACK_RUNNER}", file=sys.stderr)
            runner = FALLBACK_RUNNER
        args.append(f"--runner={runner}")
    key = runner_key(runner)
    if key in ("prism", "direct", "switchingdirect"):
        prism = find_prism()
        if prism is not None and not _has_flag(args, "--prism_location"):
            args.append(f"--prism_location={prism}")
        if not _has_flag(args, "--prism_log_level"):
            args.append("--prism_log_level=warn")  # vigie prints its own progress and summary
    if key == "flink" and not _has_flag(args, "--flink_job_server_jar") \
            and not _has_flag(args, "--flink_submit_uber_jar"):
        jar = find_flink_job_server()
        if jar is not None:
            args.append(f"--flink_job_server_jar={jar}")
    return args


# ---------------------------------------------------------------- comparing two runs' outputs
def table_rows(output: str | Path, table: str) -> tuple[list[str], list[tuple]]:
    """Every row of `table` under `output` (partition columns included, volatile ones not),
    sorted, with the column names."""
    import duckdb

    glob = f"{output}/{table}/**/*.parquet"
    con = duckdb.connect()
    src = f"read_parquet('{glob}', hive_partitioning = true)"
    cols = [c[0] for c in con.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()
            if c[0] not in VOLATILE_COLUMNS]
    rows = con.execute(f"SELECT {', '.join(cols)} FROM {src}").fetchall()
    return cols, sorted(rows, key=repr)


def diff_outputs(a: str | Path, b: str | Path, tables: Sequence[str] | None = None) -> dict[str, str]:
    """Tables whose rows differ between two outputs, with a short description; {} when equal."""
    from schemas import TABLES

    diffs: dict[str, str] = {}
    for table in tables or list(TABLES):
        cols_a, rows_a = table_rows(a, table)
        cols_b, rows_b = table_rows(b, table)
        if cols_a != cols_b:
            diffs[table] = f"columns differ: {cols_a} vs {cols_b}"
        elif rows_a != rows_b:
            only_a = [r for r in rows_a if r not in rows_b]
            only_b = [r for r in rows_b if r not in rows_a]
            diffs[table] = (f"{len(rows_a)} vs {len(rows_b)} rows; {len(only_a)} only in {a}, "
                            f"{len(only_b)} only in {b}; first: {(only_a or only_b)[:1]!r:.300}")
    return diffs


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) == 3 and argv[0] == "compare":
        diffs = diff_outputs(argv[1], argv[2])
        for table, what in diffs.items():
            print(f"{table}: {what}")
        if not diffs:
            print(f"same rows in every table: {argv[1]} and {argv[2]}")
        return 1 if diffs else 0
    if argv == ["where"]:
        print(f"prism: {find_prism() or 'absent (make prism)'}")
        print(f"flink job server: {find_flink_job_server() or 'absent (make flink-jar)'}")
        print(f"python boot (PROCESS workers): {BOOT_BIN if BOOT_BIN.is_file() else 'absent (make boot)'}")
        return 0
    if argv == ["process-env"]:
        print(process_environment())
        return 0
    print("usage: python -m pipeline.runners compare OUT_A OUT_B | where | process-env", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
