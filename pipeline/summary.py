"""What a run wrote, read back from the Parquet itself (not from counters)."""

from __future__ import annotations

import os
from typing import Any

from schemas import TABLES


def glob_for(output: str, table: str) -> str:
    return f"{output.rstrip('/')}/{table}/**/*.parquet"


def table_stats(output: str) -> dict[str, dict[str, Any]]:
    """Rows and partitions per table, read with DuckDB (Hive partitions on)."""
    import duckdb

    con = duckdb.connect()
    stats: dict[str, dict[str, Any]] = {}
    for name, spec in TABLES.items():
        folder = os.path.join(output, name)
        if not os.path.isdir(folder):
            stats[name] = {"rows": 0, "partitions": 0, "files": 0}
            continue
        files = [os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs if f.endswith(".parquet")]
        if not files:
            stats[name] = {"rows": 0, "partitions": 0, "files": 0}
            continue
        keys = ", ".join(spec.partition_cols)
        rows, parts = con.execute(
            f"SELECT count(*), count(DISTINCT ({keys})) FROM read_parquet(?, hive_partitioning=true)",
            [glob_for(output, name)],
        ).fetchone()
        stats[name] = {"rows": rows, "partitions": parts, "files": len(files)}
    return stats


EVENTS_QUERY = """
SELECT event_date, actor1_code, event_root_code AS root, plover_type, actor2_code,
       modality, action_geo_name AS place, sum(num_mentions) AS mentions
FROM read_parquet(?, hive_partitioning=true)
GROUP BY ALL
ORDER BY mentions DESC, event_date, actor1_code, root
LIMIT 12
"""


def print_summary(output: str, counters: dict[str, int] | None = None) -> None:
    import duckdb

    print(f"\nvigie output: {output}")
    if counters:
        print("counters: " + ", ".join(f"{k}={v}" for k, v in sorted(counters.items())))
    stats = table_stats(output)
    print(f"{'table':<10}{'rows':>8}{'partitions':>12}{'files':>8}")
    for name, s in stats.items():
        print(f"{name:<10}{s['rows']:>8}{s['partitions']:>12}{s['files']:>8}")
    if stats["events"]["rows"]:
        print("\nDuckDB: top events (" + " ".join(EVENTS_QUERY.split()[:3]) + " …)")
        rel = duckdb.connect().execute(EVENTS_QUERY, [glob_for(output, "events")])
        cols = [d[0] for d in rel.description]
        rows = rel.fetchall()
        widths = [max(len(str(c)), *(len(str(r[i])) for r in rows)) for i, c in enumerate(cols)]
        print("  ".join(str(c).ljust(w) for c, w in zip(cols, widths, strict=True)))
        for r in rows:
            print("  ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=True)))
