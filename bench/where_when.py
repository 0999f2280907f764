"""Where and when: the place and date of coded events against gold annotations.

Usage: python bench/where_when.py [--gold bench/gold/where_when/feed_dev.tsv …] [--show N] [--agreement]

Gold (bench/gold/where_when/*.tsv): for every event row of the event gold sets (bench/gold/events*.tsv
and bench/gold/written/*.tsv), the place the sentence gives for that event (as written, with its
country's ISO3) and its date (a day, a week "START/END", a month "YYYY-MM" or a year "YYYY"), empty
when the sentence states none. An event is scored where the coder found it: a draft of the same
sentence with the same country-level triple (bench/events.py --loose). Then:

- place: right when both say "no place", or both name a place in the same country (the name is
  also compared, accents and case aside);
- date: right when the row's event_date falls in the gold span, or, for a sentence that states no
  time, is the publication day.

--agreement compares instead each gold file with its second annotation (bench/gold/where_when/second/,
some of the same events annotated again, blind): how far two annotators agree bounds what a coder can.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402
from events import canon, gold_key, load_written  # noqa: E402

from transforms.coder import EventCoder  # noqa: E402
from transforms.entities import article_day, default_resolver  # noqa: E402
from transforms.events import event_date  # noqa: E402
from transforms.gazetteer import norm  # noqa: E402
from transforms.lexicon import default_tables  # noqa: E402
from transforms.nlp import from_spacy, load_model  # noqa: E402
from transforms.places import load_places  # noqa: E402

GOLD = ROOT / "bench" / "gold" / "where_when"
HEADER = ["set", "item", "sentence_key", "actor1_code", "actor2_code", "root", "place", "place_iso3", "date"]


def load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != HEADER:
            raise SystemExit(f"{path}: header must be {' '.join(HEADER)}")
        return list(reader)


def span(value: str, published: dt.date) -> tuple[dt.date, dt.date]:
    """The days a gold date covers; an empty one is the publication day (nothing was said)."""
    if not value:
        return published, published
    if "/" in value:
        a, b = value.split("/")
        return dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def is_written(set_name: str) -> bool:
    return (ROOT / "bench" / "gold" / "written" / f"{set_name}.tsv").exists()


def predictions(rows: list[dict[str, str]]) -> tuple[dict[tuple[str, str], list[dict[str, Any]]], dict[str, dt.date]]:
    """The coder's drafts on the gold items, per gold sentence key, with place and date."""
    nlp = load_model()
    cameo, triggers = default_tables()
    coder = EventCoder(default_resolver(), cameo, triggers, load_places())
    articles: dict[str, dict[str, Any]] = {}
    written: set[str] = set()  # items of the written sets, scored whole (bench/events.py gold_key)
    for name in sorted({r["set"] for r in rows}):
        if is_written(name):
            ours = load_written(ROOT / "bench" / "gold" / "written" / f"{name}.tsv")[1]
            articles.update(ours)
            written |= set(ours)
    feed = [r["item"] for r in rows if r["item"] not in written]
    if feed:
        if not corpus.LEMONDE.exists():
            raise SystemExit(f"the feed sets need {corpus.LEMONDE}")
        articles.update({g: corpus.items()[g] for g in feed})
    pred: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    published: dict[str, dt.date] = {}
    for item in sorted({r["item"] for r in rows}):
        art = articles[item]
        day = article_day(art)
        published[item] = day
        doc = from_spacy(nlp(art["text"]))
        for d in coder.drafts(doc, coder.resolver.mentions(doc, day)):
            when, source = event_date(doc, d, day)
            triple = (d.source.actor_code if d.source else "", d.target.actor_code if d.target else "",
                      cameo[d.code].root)
            pred[gold_key(doc, d.sentence, item, item in written)].append({
                "triple": canon(triple, True), "place": d.place, "date": when, "source": source,
                "sentence": doc.span_text(*doc.sents[d.sentence]).strip()})
    return pred, published


def score(rows: list[dict[str, str]], pred: dict[tuple[str, str], list[dict[str, Any]]],
          published: dict[str, dt.date], show: int) -> None:
    c: Counter[str] = Counter()
    shown: dict[str, int] = Counter()
    for r in rows:
        key = (r["item"], r["sentence_key"])
        triple = canon((r["actor1_code"], r["actor2_code"], r["root"]), True)
        match = next((p for p in pred.get(key, []) if p["triple"] == triple), None)
        c["gold"] += 1
        if match is None:
            continue
        c["matched"] += 1
        place = match["place"]
        gold_has, pred_has = bool(r["place"]), place is not None
        country_ok = gold_has == pred_has and (not gold_has or (r["place_iso3"] or None) == place.country)
        name_ok = country_ok and (not gold_has or norm(r["place"]) == norm(place.name))
        c["place_country_ok"] += country_ok
        c["place_name_ok"] += name_ok
        c["gold_place"] += gold_has
        c["pred_place"] += pred_has
        c["place_both_ok"] += gold_has and pred_has and country_ok
        lo, hi = span(r["date"], published[r["item"]])
        date_ok = lo <= match["date"] <= hi
        c["date_ok"] += date_ok
        c["gold_date"] += bool(r["date"])
        said = match["source"] != "published"  # a day, a month or a year the text gives
        c["pred_date"] += said
        c["date_both_ok"] += bool(r["date"]) and said and date_ok
        for kind, ok, said in (("place", country_ok, f"gold {r['place'] or '-'} {r['place_iso3'] or ''} | "
                                f"pred {place.name + ' ' + str(place.country) if place else '-'}"),
                               ("date", date_ok, f"gold {r['date'] or '-'} | pred {match['date']} ({match['source']}),"
                                f" published {published[r['item']]}")):
            if not ok and shown[kind] < show:
                shown[kind] += 1
                print(f"  {kind} wrong: {said} | {match['sentence'][:200]}")
    m = max(c["matched"], 1)
    print(f"  events matched (country-level triple) {c['matched']}/{c['gold']}")
    print(f"  place: right {c['place_country_ok']}/{c['matched']} = {c['place_country_ok'] / m:.3f} (country), "
          f"{c['place_name_ok']}/{c['matched']} = {c['place_name_ok'] / m:.3f} (name); stated places found "
          f"{c['place_both_ok']}/{c['gold_place']} = {c['place_both_ok'] / max(c['gold_place'], 1):.3f}, places "
          f"given right {c['place_both_ok']}/{c['pred_place']} = {c['place_both_ok'] / max(c['pred_place'], 1):.3f}")
    print(f"  date: right {c['date_ok']}/{c['matched']} = {c['date_ok'] / m:.3f}; stated dates found "
          f"{c['date_both_ok']}/{c['gold_date']} = {c['date_both_ok'] / max(c['gold_date'], 1):.3f}, dates from "
          f"the text right {c['date_both_ok']}/{c['pred_date']} = {c['date_both_ok'] / max(c['pred_date'], 1):.3f}")


def agreement(first: list[dict[str, str]], second: list[dict[str, str]]) -> str:
    """How often two annotations of the same events agree: on the place (none, or the same
    country; and the same name) and on the date as stated (the same string, both empty included)."""
    def keyed(rows: list[dict[str, str]]) -> dict[tuple[str, ...], dict[str, str]]:
        seen: Counter[tuple[str, ...]] = Counter()
        out = {}
        for r in rows:
            k = (r["set"], r["item"], r["sentence_key"], r["actor1_code"], r["actor2_code"], r["root"])
            seen[k] += 1
            out[(*k, str(seen[k]))] = r
        return out

    a, b = keyed(first), keyed(second)
    both = sorted(set(a) & set(b))
    if len(both) != len(b):
        raise SystemExit(f"the second annotation has {len(b) - len(both)} events the first has not")
    country = sum((a[k]["place_iso3"], bool(a[k]["place"])) == (b[k]["place_iso3"], bool(b[k]["place"]))
                  for k in both)
    name = sum(norm(a[k]["place"]) == norm(b[k]["place"]) for k in both)
    date = sum(a[k]["date"] == b[k]["date"] for k in both)
    n = max(len(both), 1)
    return (f"  two annotators on {len(both)} events: place {country}/{len(both)} = {country / n:.3f} (country), "
            f"{name}/{len(both)} = {name / n:.3f} (name); date {date}/{len(both)} = {date / n:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, nargs="+", default=sorted(GOLD.glob("*.tsv")))
    ap.add_argument("--show", type=int, default=0, help="print N wrong places and N wrong dates per file")
    ap.add_argument("--agreement", action="store_true",
                    help="only compare each gold file with its second annotation (bench/gold/where_when/second/)")
    args = ap.parse_args()
    if args.agreement:
        for path in args.gold:
            second = GOLD / "second" / path.name
            if second.exists():
                print(f"{path.name}:")
                print(agreement(load(path), load(second)))
        return
    for path in args.gold:
        rows = load(path)
        pred, published = predictions(rows)
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:")
        score(rows, pred, published, args.show)


if __name__ == "__main__":
    main()
