"""`python -m bi views|examples|ddl …`: see bi/__init__.py and bi/README.md."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bi import EXAMPLES, VIEWS, connect, markdown_table
from bi.ddl import DIALECTS, ddl


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bi", description="vigie BI views and table definitions.")
    sub = parser.add_subparsers(dest="command", required=True)
    views = sub.add_parser("views", help="create the DuckDB views over an output folder")
    views.add_argument("--output", default="out", help="vigie output folder (default: out)")
    views.add_argument("--database", help="write the views into this DuckDB file (for BI tools)")
    examples = sub.add_parser("examples", help="run bi/README.md's example queries, print Markdown")
    examples.add_argument("--output", default="out")
    gen = sub.add_parser("ddl", help="print an external table definition")
    gen.add_argument("dialect", choices=DIALECTS)
    gen.add_argument("--table", default="events", choices=("articles", "entities", "events", "rejects"))
    gen.add_argument("--location", help="the output folder's URI (gs://…, s3://…, a path)")
    gen.add_argument("--namespace", help="dataset / catalog.schema / database to create the table in")
    args = parser.parse_args(argv)

    if args.command == "ddl":
        print(ddl(args.dialect, args.table, args.location, args.namespace))
        return 0
    if args.command == "views":
        con = connect(args.output, args.database)
        for view in VIEWS:
            n = con.execute(f"SELECT count(*) FROM {view}").fetchone()[0]
            print(f"{view:<28}{n:>8} rows")
        if args.database:
            con.close()
            print(f"views written to {args.database} (over {args.output})")
        return 0
    con = connect(args.output)
    for title, query in EXAMPLES:
        print(f"**{title}**\n\n```sql\n{query}\n```\n\n{markdown_table(con, query)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
