"""Actor resolution: precision and recall of actor codes on our dev gold set, against a
naive baseline, a fuzzy-threshold sweep, and entity F1 on HIPE-2022 (NewsEye French).

Usage: python bench/actors.py [--gold bench/gold/actors.tsv] [--hipe PATH] [--sweep]

Gold (bench/gold/actors.tsv): every actor mention of each annotated Le Monde item
(../shared/data/rss/lemonde-2022-01, read at run time), as guid, mention, occurrence,
expected code. A predicted mention counts when its span overlaps a gold mention and its
code is the gold code; a resolved prediction overlapping no gold mention is a false positive
(the gold is exhaustive per item); unresolved (UNK) predictions are not counted.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402

from transforms import entities as ent  # noqa: E402
from transforms.entities import Resolver, article_day  # noqa: E402
from transforms.gazetteer import load_default, norm  # noqa: E402
from transforms.nlp import ParsedDoc, from_spacy, load_model  # noqa: E402

HIPE = ROOT.parent / "shared/data/ner/hipe2022-newseye-fr/HIPE-2022-v2.1-newseye-dev-fr.tsv"


# ---------------------------------------------------------------------- gold


def load_gold(path: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    """guid -> [(start, end, code, kind)], offsets found in vigie's article text."""
    items = corpus.items()
    gold: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
            text = items[row["guid"]]["text"]
            pos = -1
            for _ in range(int(row["occurrence"])):
                pos = text.find(row["mention"], pos + 1)
                if pos < 0:
                    raise SystemExit(f"{path}:{n}: {row['mention']!r} occurrence {row['occurrence']} not found")
            gold[row["guid"]].append((pos, pos + len(row["mention"]), row["actor_code"], row["kind"]))
    return gold


# ---------------------------------------------------------------------- systems


def naive(doc: ParsedDoc, resolver: Resolver, day) -> list[tuple[int, int, str]]:
    """Baseline: spaCy's entities, exact (accent/case-insensitive) gazetteer lookup, nothing else."""
    out = []
    for s, e, _label in doc.ents:
        actors = resolver.g.lookup(norm(doc.span_text(s, e)))
        if not actors:
            continue
        person = resolver.g.person_on(actors, day)
        actor = person or actors[0]
        if actor.code:
            out.append((doc.idx[s], doc.end_char(e - 1), actor.code))
    return out


def vigie(doc: ParsedDoc, resolver: Resolver, day) -> list[tuple[int, int, str]]:
    """Scored within the gold's scope: role phrases without a country word (resolved from the
    sentence's context) and cities other than capitals are not annotated there, so not scored."""
    return [(m.start_char, m.end_char, m.actor_code) for m in resolver.mentions(doc, day)
            if m.resolved and m.resolution != "context" and m.kind != "city"]


ERRORS: list[str] = []


def score(pred: dict[str, list[tuple[int, int, str]]], gold: dict[str, list[tuple[int, int, str, str]]],
          texts: dict[str, str] | None = None) -> dict[str, float]:
    tp_p = fp = tp_g = fn = 0
    missed: Counter[str] = Counter()
    for guid, golds in gold.items():
        preds = pred.get(guid, [])
        for ps, pe, code in preds:
            hits = [g for g in golds if ps < g[1] and g[0] < pe]
            if any(g[2] == code for g in hits):
                tp_p += 1
            else:
                fp += 1
                if texts is not None:
                    ERRORS.append(f"FP {texts[guid][ps:pe]!r} -> {code} (gold: {[g[2] for g in hits]})")
        for gs, ge, code, kind in golds:
            if any(ps < ge and gs < pe and c == code for ps, pe, c in preds):
                tp_g += 1
            else:
                fn += 1
                missed[kind] += 1
                if texts is not None:
                    got = [c for ps, pe, c in preds if ps < ge and gs < pe]
                    ERRORS.append(f"FN {kind} {texts[guid][gs:ge]!r} gold {code} got {got}")
    p = tp_p / (tp_p + fp) if tp_p + fp else 0.0
    r = tp_g / (tp_g + fn) if tp_g + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "predicted": tp_p + fp, "gold": tp_g + fn,
            **{f"missed_{k}": v for k, v in missed.items()}}


def evaluate_dev(gold_path: Path, sweep: bool, show: int = 0) -> None:
    gold = load_gold(gold_path)
    items = corpus.items()
    nlp = load_model()
    resolver = ent.default_resolver()
    docs = {}
    start = time.perf_counter()
    for guid in gold:
        art = items[guid]
        docs[guid] = (from_spacy(nlp(art["text"])), article_day(art))
    print(f"dev set: {len(gold)} items, {sum(len(v) for v in gold.values())} gold mentions "
          f"(parsed in {time.perf_counter() - start:.1f}s)")
    for name, system in (("baseline (spaCy ents + exact lookup)", naive), ("vigie resolver", vigie)):
        t = time.perf_counter()
        pred = {g: system(d, resolver, day) for g, (d, day) in docs.items()}
        s = score(pred, gold, {g: items[g]["text"] for g in gold} if system is vigie else None)
        print(f"  {name:<38} precision={s['precision']:.3f} recall={s['recall']:.3f} f1={s['f1']:.3f} "
              f"(predicted {s['predicted']}, {time.perf_counter() - t:.2f}s)"
              + "".join(f" {k}={v}" for k, v in s.items() if k.startswith("missed_")))
    for line in ERRORS[:show]:
        print("   ", line)
    if sweep:
        default = ent.FUZZY_THRESHOLD
        for threshold in (80, 84, 88, 92, 96, 101):
            ent.FUZZY_THRESHOLD = float(min(threshold, 100))
            resolver._fuzzy_cache.clear()
            resolver._mention_cache.clear()
            if threshold > 100:
                resolver._fuzzy_index.clear()  # fuzzy matching off
            pred = {g: vigie(d, resolver, day) for g, (d, day) in docs.items()}
            s = score(pred, gold)
            label = "off" if threshold > 100 else str(threshold)
            print(f"  fuzzy threshold {label:>3}: precision={s['precision']:.3f} recall={s['recall']:.3f} "
                  f"f1={s['f1']:.3f}")
        ent.FUZZY_THRESHOLD = default


# ---------------------------------------------------------------------- HIPE


def hipe_docs(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(text, gold spans (start, end, PER/LOC/ORG)) per document, rebuilt from the token TSV."""
    docs = []
    text: list[str] = []
    spans: list[tuple[int, int, str]] = []
    cur: list | None = None
    length = 0

    def close() -> None:
        nonlocal cur
        if cur:
            spans.append((cur[0], cur[1], cur[2]))
        cur = None

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# hipe2022:document_id"):
            close()
            if text:
                docs.append(("".join(text), spans))
            text, spans, length = [], [], 0
            continue
        if not line or line.startswith(("#", "TOKEN\t")):
            continue
        cols = line.split("\t")
        tok, tag, misc = cols[0], cols[1], cols[-1]
        start = length
        text.append(tok)
        length += len(tok)
        label = tag[2:] if tag != "O" else None
        if tag.startswith("B-") or tag == "O" or (cur and label != cur[2]):
            close()
        if label in ("PER", "LOC", "ORG"):
            if cur is None:
                cur = [start, length, label]
            else:
                cur[1] = length
        if "NoSpaceAfter" not in misc:
            text.append(" ")
            length += 1
        if "EndOfLine" in misc and "NoSpaceAfter" not in misc:
            pass
    close()
    if text:
        docs.append(("".join(text), spans))
    return docs


_KIND_LABEL = {"person": "PER", "country": "LOC", "capital": "LOC", "place": "LOC", "organisation": "ORG"}


def f1(pred: list[set], gold: list[set]) -> tuple[float, float, float]:
    tp = sum(len(p & g) for p, g in zip(pred, gold, strict=True))
    np_, ng = sum(len(p) for p in pred), sum(len(g) for g in gold)
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_hipe(path: Path) -> None:
    if not path.exists():
        print(f"HIPE: missing {path}")
        return
    nlp = load_model()
    resolver = Resolver(load_default())
    gold, bare, ours = [], [], []
    for text, spans in hipe_docs(path):
        doc = from_spacy(nlp(text))
        gold.append(set(spans))
        bare.append({(doc.idx[s], doc.end_char(e - 1), lab) for s, e, lab in doc.ents
                     if lab in ("PER", "LOC", "ORG")})
        mine = set()
        for m in resolver.mentions(doc, None):
            label = _KIND_LABEL.get(m.kind) if m.resolved else (m.label if m.label in ("PER", "LOC", "ORG") else None)
            if m.kind == "role" or label is None:
                continue
            mine.add((m.start_char, m.end_char, label))
        ours.append(mine)
    n = sum(len(g) for g in gold)
    for name, pred in (("spaCy fr_core_news_md alone", bare), ("with vigie's ruler and linking", ours)):
        p, r, f = f1(pred, gold)
        print(f"HIPE-2022 newseye-fr dev ({n} entities, exact span+type): {name:<32} "
              f"precision={p:.3f} recall={r:.3f} f1={f:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=ROOT / "bench/gold/actors.tsv")
    ap.add_argument("--hipe", type=Path, default=HIPE)
    ap.add_argument("--sweep", action="store_true", help="also sweep the fuzzy threshold")
    ap.add_argument("--show", type=int, default=0, help="print N errors of the resolver")
    args = ap.parse_args()
    if not corpus.LEMONDE.exists():
        raise SystemExit(f"needs {corpus.LEMONDE}")
    evaluate_dev(args.gold, args.sweep, args.show)
    evaluate_hipe(args.hipe)


if __name__ == "__main__":
    main()
