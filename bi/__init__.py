"""BI views over a vigie output folder, in DuckDB: the .sql files beside this module.

    python -m bi views --output out                           # create the views, print their sizes
    python -m bi views --output out --database vigie.duckdb   # a DuckDB file BI tools can open
    python -m bi examples --output out                        # bi/README.md's example queries, run
    python -m bi ddl bigquery --location gs://bucket/out      # external table definitions (bi/ddl.py)

The .sql files run in name order: `00_setup.sql` makes the `events` and `articles` views over
the Parquet (folder from the DuckDB variable `vigie_output`, default `out`), the others build on
them. In a database file the output folder is written into the views as an absolute path, so a
BI tool that opens the file needs no variable.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

BI_DIR = Path(__file__).resolve().parent
OUTPUT_EXPR = "coalesce(getvariable('vigie_output'), 'out')"

# Views a user queries (00_setup.sql's table views aside), in file order.
VIEWS = ("daily_event_counts", "cooperation_conflict_index", "top_actors", "gdelt_events")

# bi/README.md's examples: (title, query). A test runs each on the sample and checks it is in the README.
EXAMPLES: list[tuple[str, str]] = [
    ("Events per day and quad class",
     "SELECT event_date, quad_class, quad_class_name, sum(events) AS events, sum(mentions) AS mentions\n"
     "FROM daily_event_counts\n"
     "GROUP BY ALL\n"
     "ORDER BY event_date, quad_class;"),
    ("The five busiest actor pairs",
     "SELECT actor1_code, actor2_code, sum(events) AS events, sum(mentions) AS mentions,\n"
     "       round(sum(avg_goldstein * events) / sum(events), 2) AS avg_goldstein\n"
     "FROM daily_event_counts\n"
     "WHERE actor2_code IS NOT NULL\n"
     "GROUP BY ALL\n"
     "ORDER BY events DESC, mentions DESC, actor1_code, actor2_code\n"
     "LIMIT 5;"),
    ("Cooperation and conflict around Russia, day by day, both directions",
     "SELECT event_date, actor1_country, actor2_country, events, goldstein_index, cooperation_conflict_index\n"
     "FROM cooperation_conflict_index\n"
     "WHERE 'RUS' IN (actor1_country, actor2_country)\n"
     "ORDER BY event_date, actor1_country, actor2_country;"),
    ("Country pairs over the whole period, undirected, most conflictual first",
     "SELECT least(actor1_country, actor2_country) AS country_a,\n"
     "       greatest(actor1_country, actor2_country) AS country_b,\n"
     "       sum(events) AS events,\n"
     "       round(sum(goldstein_index * mentions) / sum(mentions), 2) AS goldstein_index,\n"
     "       round((sum(cooperation) - sum(conflict)) / nullif(sum(cooperation) + sum(conflict), 0), 2)\n"
     "           AS cooperation_conflict_index\n"
     "FROM cooperation_conflict_index\n"
     "WHERE actor1_country <> actor2_country\n"
     "GROUP BY ALL\n"
     "ORDER BY cooperation_conflict_index, events DESC, country_a, country_b\n"
     "LIMIT 6;"),
    ("Top actors",
     "SELECT rank, actor_code, actor_name, events, as_source, as_target, avg_goldstein, first_seen, last_seen\n"
     "FROM top_actors\n"
     "ORDER BY rank, actor_code\n"
     "LIMIT 8;"),
    ("GDELT columns: located events",
     "SELECT SQLDATE, Actor1Code, Actor1CountryCode, Actor2Code, EventCode, QuadClass, GoldsteinScale,\n"
     "       ActionGeo_FullName, ActionGeo_CountryCode, ActionGeo_Lat, ActionGeo_Long\n"
     "FROM gdelt_events\n"
     "WHERE ActionGeo_Lat IS NOT NULL\n"
     "ORDER BY SQLDATE, Actor1Code, EventCode;"),
]


def sql_files() -> list[Path]:
    return sorted(BI_DIR.glob("*.sql"))


def connect(output: str | os.PathLike[str] = "out", database: str | os.PathLike[str] | None = None) -> Any:
    """A DuckDB connection with every view of bi/*.sql over `output`.

    In memory by default (the output folder is the session variable `vigie_output`); with
    `database`, a DuckDB file whose views name the output folder by its absolute path.
    """
    import duckdb

    output = str(output)
    con = duckdb.connect(str(database) if database else ":memory:")
    literal = None
    if database:
        literal = "'" + os.path.abspath(output).replace("'", "''") + "'"
    else:
        con.execute("SET VARIABLE vigie_output = ?", [output.rstrip("/") or "/"])
    for path in sql_files():
        sql = path.read_text(encoding="utf-8")
        if literal:
            sql = sql.replace(OUTPUT_EXPR, literal)
        con.execute(sql)
    return con


def markdown_table(con: Any, query: str) -> str:
    """A query's result as a Markdown table (what bi/README.md shows)."""
    rel = con.execute(query)
    cols = [d[0] for d in rel.description]
    rows = rel.fetchall()

    def cell(v: Any) -> str:
        if v is None:
            return "NULL"
        return str(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)
