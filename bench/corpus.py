"""The development corpus: real Le Monde feed items from ../shared, read at run time.

Nothing from these feeds is stored in the project: gold files hold only our
annotations plus the item's guid (its URL) and, for sentences, a key (hash of
the sentence text as vigie segments it). Usage, to browse while annotating:

    python bench/corpus.py list                 # guid, date and title of every item
    python bench/corpus.py show GUID            # the article text vigie builds
    python bench/corpus.py sentences GUID       # sentence keys and sentences
"""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transforms.rejects import REJECT_TAG  # noqa: E402
from transforms.sources import SourceConfig, read_input  # noqa: E402

LEMONDE = ROOT.parent / "shared" / "data" / "rss" / "lemonde-2022-01"


@lru_cache(maxsize=1)
def items(folder: Path = LEMONDE) -> dict[str, dict[str, Any]]:
    """Unique feed items by guid/link, first seen copy kept (feeds repeat items daily)."""
    out: dict[str, dict[str, Any]] = {}
    for f in sorted(folder.rglob("*.xml")):
        for rec in read_input(str(f), SourceConfig()):
            if REJECT_TAG in rec or not rec.get("url"):
                continue
            out.setdefault(rec["url"], rec)
    return out


def sentence_key(text: str) -> str:
    """A short key for a sentence: sha1 of its whitespace-normalised text."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def sentences(article: dict[str, Any]) -> list[tuple[str, str]]:
    from transforms.nlp import from_spacy, load_model

    doc = from_spacy(load_model()(article["text"]))
    return [(sentence_key(doc.span_text(s, e).strip()), doc.span_text(s, e).strip()) for s, e in doc.sents]


def main(argv: list[str]) -> None:
    if not LEMONDE.exists():
        raise SystemExit(f"needs {LEMONDE}")
    cmd = argv[0] if argv else "list"
    if cmd == "list":
        for guid, a in items().items():
            day = a["published_at"].date() if a["published_at"] else "?"
            print(f"{guid}\t{day}\t{a['title']}")
    elif cmd == "show":
        print(items()[argv[1]]["text"])
    elif cmd == "sentences":
        for key, text in sentences(items()[argv[1]]):
            print(f"{key}\t{text}")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
