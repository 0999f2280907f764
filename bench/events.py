"""Event coder: precision / recall / F1 on (actor1 code, actor2 code, CAMEO root) triples, per root
and overall, modality accuracy, precision of `asserted`, and events per 1,000 words.

Usage: python bench/events.py [--gold bench/gold/events.tsv] [--loose] [--why] [--second FILE]

Gold (bench/gold/events.tsv): for sentences of real Le Monde items (../shared, read at run time)
identified by guid and sentence key, every codable event, or a single "-" row when there is none.
A written set (bench/gold/written/*.tsv, header id, date, text, …) holds sentences our annotators
wrote themselves, with their text and date; it needs no ../shared.
Only gold sentences are scored. Meetings and other symmetric roots (04, 06) match in either
direction. --loose also prints scores with actor codes cut to their country (first 3 letters).
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

from transforms.coder import EventCoder  # noqa: E402
from transforms.entities import default_resolver  # noqa: E402
from transforms.events import dated_modality, event_date, event_rows  # noqa: E402
from transforms.lexicon import default_tables  # noqa: E402
from transforms.nlp import ParsedDoc, from_spacy, load_model  # noqa: E402
from transforms.places import load_places  # noqa: E402

SYMMETRIC = {"04", "06"}
Triple = tuple[str, str, str]


def load_gold(path: Path) -> dict[tuple[str, str], list[tuple[Triple, str, str]]]:
    gold: dict[tuple[str, str], list[tuple[Triple, str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["guid"], row["sentence_key"])
            gold.setdefault(key, [])
            if row["root"] != "-":
                triple = (row["actor1_code"] or "", row["actor2_code"] or "", row["root"])
                gold[key].append((triple, row["modality"], row.get("trap") or "none"))
    return gold


WRITTEN_HEADER = ["id", "date", "text", "actor1_code", "actor2_code", "root", "modality", "trap"]


def load_written(path: Path) -> tuple[dict[tuple[str, str], list[tuple[Triple, str, str]]], dict[str, dict[str, Any]]]:
    """A written set (bench/gold/written/): sentences our annotators wrote in news style, stored
    with their text and publication date since they are ours. Each id is scored as a one-sentence
    article; its key is (id, "") so that a sentence the splitter cuts in two is still one item."""
    gold: dict[tuple[str, str], list[tuple[Triple, str, str]]] = defaultdict(list)
    articles: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            when = dt.datetime.fromisoformat(row["date"]).replace(hour=12, tzinfo=dt.timezone.utc)
            articles.setdefault(row["id"], {"article_id": row["id"], "url": None, "title": None, "text": row["text"],
                                            "published_at": when, "published_at_status": "ok", "ingested_at": when})
            key = (row["id"], "")
            gold.setdefault(key, [])
            if row["root"] != "-":
                triple = (row["actor1_code"] or "", row["actor2_code"] or "", row["root"])
                gold[key].append((triple, row["modality"], row.get("trap") or "none"))
    return gold, articles


def is_written(path: Path) -> bool:
    with path.open(encoding="utf-8") as fh:
        return fh.readline().rstrip("\n").split("\t") == WRITTEN_HEADER


def gold_key(doc: ParsedDoc, sentence: int, guid: str, written: bool) -> tuple[str, str]:
    """The gold key of a sentence: (guid, sentence key) for a feed item, (id, "") for a written
    sentence, scored whole however the splitter cut it."""
    if written:
        return guid, ""
    s, e = doc.sents[sentence]
    return guid, corpus.sentence_key(doc.span_text(s, e).strip())


def canon(t: Triple, loose: bool) -> Triple:
    a1, a2, root = t
    if loose:
        a1, a2 = a1[:3], a2[:3]
    if root in SYMMETRIC and a2 and a2 < a1:
        a1, a2 = a2, a1
    return a1, a2, root


def why_missed(gold: dict[tuple[str, str], list[tuple[Triple, str, str]]],
               predicted: dict[tuple[str, str], list[tuple[Triple, str]]], loose: bool) -> Counter[str]:
    """What each missed gold event lacked, judged from the sentence's predictions: nothing coded
    at all, the right root with a wrong or missing actor, the right actors with another root."""
    causes: Counter[str] = Counter()
    for key, gevents in gold.items():
        preds = [canon(t, loose) for t, _ in predicted.get(key, [])]
        for t in {canon(t, loose) for t, _, _ in gevents} - set(preds):
            a1, a2, root = t
            same_root = [p for p in preds if p[2] == root]
            if not preds:
                causes["no event in the sentence"] += 1
            elif any(p[0] == a1 for p in same_root):
                causes["root right, actor 2 wrong" if a2 else "root right, extra actor 2"] += 1
            elif any(p[1] == a2 and a2 for p in same_root):
                causes["root right, actor 1 wrong"] += 1
            elif same_root:
                causes["root right, both actors wrong"] += 1
            elif any(p[0] == a1 for p in preds):
                causes["actor 1 right, other root"] += 1
            else:
                causes["other events only"] += 1
    return causes


def two_annotators(a: dict[tuple[str, str], list[tuple[Triple, str, str]]],
                   b: dict[tuple[str, str], list[tuple[Triple, str, str]]],
                   predicted: dict[tuple[str, str], list[tuple[Triple, str]]], loose: bool) -> str:
    """Scores against two annotations of the same sentences: a prediction is right when either
    annotator coded it (precision), an event is owed when both did (recall). Where annotators
    disagree, neither reading is held against the coder."""
    right = pred = agreed = found = 0
    for key in set(a) & set(b):
        either = {canon(t, loose) for t, _, _ in a[key]} | {canon(t, loose) for t, _, _ in b[key]}
        both = {canon(t, loose) for t, _, _ in a[key]} & {canon(t, loose) for t, _, _ in b[key]}
        preds = {canon(t, loose) for t, _ in predicted.get(key, [])}
        pred, right = pred + len(preds), right + len(preds & either)
        agreed, found = agreed + len(both), found + len(both & preds)
    p, r = right / max(pred, 1), found / max(agreed, 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return (f"two annotators: precision against either {right}/{pred} = {p:.3f}; recall of the events both "
            f"coded {found}/{agreed} = {r:.3f}; f1={f:.3f}")


def by_confidence(gold: dict[tuple[str, str], list[tuple[Triple, str, str]]],
                  confidence: dict[tuple[str, str], list[tuple[Triple, float]]], loose: bool) -> str:
    """Precision of the predicted triples per band of `confidence` (0.9-1.0, 0.8-0.9, …), so that an
    analyst can pick a threshold: is a row of confidence 0.7 right about seven times in ten?"""
    right: Counter[int] = Counter()
    total: Counter[int] = Counter()
    for key, gevents in gold.items():
        left = Counter(canon(t, loose) for t, _, _ in gevents)
        for t, c in sorted(confidence.get(key, []), key=lambda tc: -tc[1]):  # best first take the matches
            band = min(int(round(c * 100)) // 10, 9)
            total[band] += 1
            if left[canon(t, loose)] > 0:
                left[canon(t, loose)] -= 1
                right[band] += 1
    return "precision by confidence: " + ", ".join(
        f"{b / 10:.1f}-{(b + 1) / 10:.1f}: {right[b]}/{total[b]} = {right[b] / total[b]:.2f}"
        for b in sorted(total, reverse=True))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=ROOT / "bench/gold/events.tsv")
    ap.add_argument("--loose", action="store_true")
    ap.add_argument("--show-errors", type=int, default=0, help="print N false positives/negatives")
    ap.add_argument("--second", type=Path,
                    help="a second annotation of the same sentences (bench/gold/agreement/): also score "
                         "precision against what either annotator coded and recall against what both did")
    ap.add_argument("--why", action="store_true",
                    help="sort the false negatives by what went wrong (no event, actors, root)")
    args = ap.parse_args()
    written = is_written(args.gold)
    if written:
        gold, items = load_written(args.gold)
    else:
        gold, items = load_gold(args.gold), corpus.items()
    nlp = load_model()
    cameo, triggers = default_tables()
    coder = EventCoder(default_resolver(), cameo, triggers, load_places())  # as the pipeline's, FRA home

    predicted: dict[tuple[str, str], list[tuple[Triple, str]]] = defaultdict(list)
    confidence: dict[tuple[str, str], list[tuple[Triple, float]]] = defaultdict(list)
    words = n_events = 0
    for guid in sorted({g for g, _ in gold}):
        art = items[guid]
        doc = from_spacy(nlp(art["text"]))
        words += doc.word_count()
        n_events += sum(ev["num_mentions"] for ev in event_rows(art, doc, coder))
        # score per sentence (the table merges repeats into num_mentions), from the coder's drafts
        day = art["published_at"].date() if art["published_at"] else None
        for d in coder.drafts(doc, coder.resolver.mentions(doc, day)):
            triple = (d.source.actor_code if d.source else "", d.target.actor_code if d.target else "",
                      cameo[d.code].root)
            key = gold_key(doc, d.sentence, guid, written)
            modality = d.modality
            if day is not None:  # (as the event table says it: an act dated after publication is to come)
                date, source = event_date(doc, d, day)
                modality = dated_modality(doc, d, cameo[d.code].root, date, source, day)
            predicted[key].append((triple, modality))
            confidence[key].append((triple, d.confidence))

    for loose in ([False, True] if args.loose else [False]):
        tp = fp = fn = 0
        per_root: dict[str, Counter[str]] = defaultdict(Counter)
        mod_ok = mod_n = 0
        asserted_pred = asserted_ok = 0
        errors = []
        for key, gevents in gold.items():
            gset = Counter(canon(t, loose) for t, _, _ in gevents)
            gmod = {canon(t, loose): m for t, m, _ in gevents}
            pevents = predicted.get(key, [])
            pset = Counter(canon(t, loose) for t, _ in pevents)
            for t, n in pset.items():
                hit = min(n, gset.get(t, 0))
                tp += hit
                fp += n - hit
                per_root[t[2]]["tp"] += hit
                per_root[t[2]]["fp"] += n - hit
                if n - hit:
                    errors.append(("FP", key, t))
            for t, n in gset.items():
                miss = n - min(n, pset.get(t, 0))
                fn += miss
                per_root[t[2]]["fn"] += miss
                if miss:
                    errors.append(("FN", key, t))
            for t, m in pevents:
                ct = canon(t, loose)
                if ct in gmod:
                    mod_n += 1
                    mod_ok += gmod[ct] == m
                    if m == "asserted":
                        asserted_pred += 1
                        asserted_ok += gmod[ct] == "asserted"
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        label = "loose (country-level actors)" if loose else "strict"
        print(f"events, {label}: sentences={len(gold)} gold events={tp + fn} predicted={tp + fp} "
              f"precision={p:.3f} recall={r:.3f} f1={f:.3f}")
        print(f"  modality accuracy on matched triples: {mod_ok}/{mod_n} = {mod_ok / max(mod_n, 1):.3f}; "
              f"precision of 'asserted': {asserted_ok}/{asserted_pred} = {asserted_ok / max(asserted_pred, 1):.3f}")
        for root in sorted(per_root):
            c = per_root[root]
            rp = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
            rr = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
            rf = 2 * rp * rr / (rp + rr) if rp + rr else 0.0
            print(f"  root {root}: tp={c['tp']:>3} fp={c['fp']:>3} fn={c['fn']:>3} p={rp:.2f} r={rr:.2f} f1={rf:.2f}")
        for kind, key, t in errors[: args.show_errors]:
            print(f"  {kind} {key[1]} {t}")
        print("  " + by_confidence(gold, confidence, loose))
        if args.second:
            second = load_written(args.second)[0] if written else load_gold(args.second)
            print("  " + two_annotators(gold, second, predicted, loose))
        if args.why:
            print("  false negatives by cause: " + ", ".join(
                f"{cause} {n}" for cause, n in why_missed(gold, predicted, loose).most_common()))
    print(f"events per 1,000 words (gold items): {1000 * n_events / max(words, 1):.1f} ({n_events} in {words} words)")


if __name__ == "__main__":
    main()
