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




# ---------------------------------------------------------------------------- PETRARCH people

ROLE_WORDS = {
    "MINISTER", "PRESIDENT", "AMBASSADOR", "SECRETARY", "CHIEF", "GENERAL", "FOREIGN", "PRIME",
    "SPOKESMAN", "LEADER", "KING", "QUEEN", "PRINCE", "SHEIKH", "DR.", "MR.", "MRS.", "SENATOR",
    "GOVERNOR", "MAYOR", "COMMANDER", "COLONEL", "ENVOY", "DEPUTY", "VICE", "CHAIRMAN", "ADMIRAL",
}


def _petrarch_date(text: str, end: bool) -> str | None:
    """YYMMDD or YYYYMMDD to ISO; None if malformed (such a role line is skipped)."""
    text = text.strip()
    if len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        text = f"{1900 + yy if yy >= 50 else 2000 + yy}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return None
    iso = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        import datetime as dt

        dt.date.fromisoformat(iso)
    except ValueError:
        return None
    return iso


def _role(spec: str) -> tuple[str, str | None, str | None] | None:
    """'[RUSGOV >20040309]' -> ('RUSGOV', '2004-03-09', None)."""
    m = re.match(r"\[\s*([A-Z]{3,})\s*([^\]]*)\]", spec.strip())
    if not m:
        return None
    code, dates = m.group(1), m.group(2).split("#")[0].strip().replace(" ", "")
    start = end = None
    if dates.startswith(">"):
        start = _petrarch_date(dates[1:], False)
        if start is None:
            return None
    elif dates.startswith("<"):
        end = _petrarch_date(dates[1:], True)
        if end is None:
            return None
    elif "-" in dates:
        a, b = dates.split("-", 1)
        start, end = _petrarch_date(a, False), _petrarch_date(b, True)
        if start is None or end is None or end < start:
            return None
    elif dates:
        return None
    return code, start, end


def _name(raw: str) -> str | None:
    words = [w for w in raw.strip().strip("+").strip("_").split("_") if w]
    if len(words) < 2 or len(words) > 5 or any(w in ROLE_WORDS for w in words):
        return None
    if not all(re.fullmatch(r"[A-Z][A-Z'.\-]*", w) for w in words):
        return None
    return " ".join(w.capitalize() if "-" not in w else "-".join(p.capitalize() for p in w.split("-"))
                    for w in words)


def petrarch_people(shared: Path) -> list[tuple[str, str, str, str, str, str, str]]:
    """People with dated roles from Phoenix.Countries.actors.txt (country codes only)."""
    rows = []
    name: str | None = None
    aliases: list[str] = []
    text = (shared / "reference/petrarch/Phoenix.Countries.actors.txt").read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("\t") or line.startswith(" "):
            role = _role(line)
            if name and role:
                code, start, end = role
                iso, sector = code[:3], code[3:6] or ""
                if sector and len(code) >= 6:
                    alias_cell = "|".join(dict.fromkeys(a for a in aliases if a != name))
                    rows.append((name, alias_cell, iso + sector, iso, sector, start or "", end or ""))
            continue
        if line.startswith("+"):
            alias = _name(line.split("#")[0])
            if alias and name:
                aliases.append(alias)
            continue
        head = line.split("#")[0].split("[")[0]
        name = _name(head)
        aliases = []
    return rows


def write_petrarch_people(shared: Path) -> int:
    rows = petrarch_people(shared)
    with (HERE / "actors/petrarch_people.tsv").open("w", encoding="utf-8") as out:
        out.write("# People with dated roles, converted from the PETRARCH2/Phoenix country actor dictionary\n")
        out.write("# (MIT, openeventdata/petrarch2) by lexicons/import_reference.py. English spellings,\n")
        out.write("# roles up to 2014; people.tsv (French spellings, newer roles) takes precedence.\n")
        out.write("name\taliases\tcode\tcountry\tsector\tstart\tend\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    return len(rows)


if __name__ == "__main__":
    shared_dir = Path(sys.argv[1] if len(sys.argv) > 1 else HERE.parent.parent / "shared")
    main(shared_dir)
    print(f"petrarch people rows: {write_petrarch_people(shared_dir)}")
