"""Print each table's columns as Markdown (the README's column tables come from here).

    python -m schemas.doc
"""

from __future__ import annotations

from schemas import SCHEMA_VERSION, TABLES


def markdown() -> str:
    out = []
    for name, spec in TABLES.items():
        parts = "/".join(f"{c}=…" for c in spec.partition_cols)
        out.append(f"#### `{name}` (`{name}/{parts}/part-….parquet`, schema v{SCHEMA_VERSION})\n")
        out.append("| column | type | meaning |")
        out.append("|---|---|---|")
        for f in spec.schema:
            out.append(f"| `{f.name}` | {f.type} | {spec.doc[f.name]} |")
        for c in spec.partition_cols:
            out.append(f"| `{c}` | partition | {spec.doc[c]} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown())
