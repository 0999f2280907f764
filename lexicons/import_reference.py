"""Regenerate the CAMEO and PLOVER code tables from ../shared/reference.

The figures (codes, quad classes, Goldstein scores, PLOVER types) are facts
from GDELT's CAMEO lookups and the PLOVER project; this script records where
they came from and lets us refresh them. Run: python -m lexicons.import_reference
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(shared: Path) -> None:
    codes = (shared / "reference/cameo/eventcodes.tsv").read_text(encoding="utf-8").splitlines()
    with (HERE / "cameo_eventcodes.tsv").open("w", encoding="utf-8") as out:
        out.write("# CAMEO event codes: root, GDELT quad class, Goldstein score.\n")
        out.write("# Source: GDELT CAMEO lookups via ../shared/reference/cameo/eventcodes.tsv\n")
        for line in codes:
            out.write(line.rstrip() + "\n")

    rows = []
    pattern = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")
    plover = shared / "reference/plover/CAMEO2PLOVER-2021.txt"
    for line in plover.read_text(encoding="utf-8").splitlines():
        m = pattern.match(line)
        if m:
            code, event, mode, context = (g.strip() if g else "" for g in m.groups())
            rows.append((code, event, mode, context))
    with (HERE / "plover.tsv").open("w", encoding="utf-8") as out:
        out.write("# CAMEO code -> PLOVER event type, mode and context.\n")
        out.write("# Source: PLOVER CAMEO2PLOVER-2021 (draft 0.8) via ../shared/reference/plover\n")
        out.write("cameo\tplover_type\tmode\tcontext\n")
        for r in rows:
            out.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else HERE.parent.parent / "shared"))
