"""Data files (code tables, gazetteers, trigger lexicons) shipped with vigie.

They are package data so that `--setup_file` carries them to Flink and
Dataflow workers; `path()` finds them wherever the package is installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent


class LexiconError(ValueError):
    """A malformed data file line, always naming file and line."""


def path(name: str) -> Path:
    return ROOT / name


def read_tsv(name: str | Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) from a TSV with a header, checking its shape.

    Lines starting with '#' are comments. A line with the wrong number of
    fields, or an empty required field, raises LexiconError naming the file
    and the line, because a silently skipped code would skew every count.
    """
    p = Path(name) if isinstance(name, Path) else path(name)
    with p.open(encoding="utf-8", newline="") as fh:
        header: list[str] | None = None
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                missing = [c for c in required if c not in header]
                if missing:
                    raise LexiconError(f"{p}:{lineno}: header lacks columns {missing}")
                continue
            if len(cells) != len(header):
                raise LexiconError(
                    f"{p}:{lineno}: expected {len(header)} tab-separated fields, got {len(cells)}"
                )
            row = dict(zip(header, (c.strip() for c in cells), strict=True))
            empty = [c for c in required if not row[c]]
            if empty:
                raise LexiconError(f"{p}:{lineno}: empty required field(s) {empty}")
            yield lineno, row
    if header is None:
        raise LexiconError(f"{p}: no header line")


__all__ = ["LexiconError", "ROOT", "path", "read_tsv"]
