"""Fit the event confidence model (transforms/calibration.py) on the development gold, or check it.

Every draft the coder makes on a development sentence is a sample: its features, and whether its
(actor 1, actor 2, root) triple is one the annotator coded for that sentence (strict codes, each
gold event matched once). A logistic model with an L2 penalty is fitted by Newton's method; the
penalty is chosen by 5-fold cross-validation grouped by item, and the cross-validated figures
(log loss, Brier score, and precision per probability band) are printed beside those of the rule
tiers read as probabilities.

Usage:
    python bench/calibrate.py                 # cross-validate, fit on all dev sets, write lexicons/confidence.tsv
    python bench/calibrate.py --check SET...  # score the shipped weights on gold sets (feed set names or TSV paths)

The feed development sets need ../shared (the Le Monde items); without it the script stops, unless
--written-only asks for a fit on the written development sets alone. Held-out sets (events_test*,
written/test*) are never used to fit.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402
from events import canon, gold_key, is_written, load_gold, load_written  # noqa: E402

from transforms.calibration import Calibrator, default_calibrator, features  # noqa: E402
from transforms.coder import EventCoder  # noqa: E402
from transforms.entities import default_resolver  # noqa: E402
from transforms.lexicon import default_tables  # noqa: E402
from transforms.nlp import from_spacy, load_model  # noqa: E402
from transforms.places import load_places  # noqa: E402

GOLD = ROOT / "bench" / "gold"
FEED_DEV = ["events.tsv", *(f"events_dev{n}.tsv" for n in range(2, 9))]
WRITTEN_DEV = ["dev_intl", "dev_fr", "dev2_intl", "dev2_fr", "dev3_intl", "dev3_franco"]
OUT = ROOT / "lexicons" / "confidence.tsv"
MIN_COUNT = 3  # a feature seen fewer times in the development drafts gets no weight of its own
LAMBDAS = (0.3, 1.0, 3.0, 10.0, 30.0)
Sample = tuple[str, list[str], float, int]  # (group, features, rule tier, right?)


def gold_path(name: str) -> Path:
    p = Path(name)
    if p.suffix == ".tsv" and p.exists():
        return p
    return GOLD / ("events.tsv" if name == "dev" else f"events_{name}.tsv")


def samples(paths: Iterable[Path], nlp: object, coder: EventCoder) -> list[Sample]:
    """The coder's drafts on every gold sentence of `paths`, with their features and labels."""
    out: list[Sample] = []
    cameo = coder.cameo
    for p in paths:
        written = is_written(p)
        gold, items = load_written(p) if written else (load_gold(p), corpus.items())
        for guid in sorted({g for g, _ in gold}):
            art = items[guid]
            doc = from_spacy(nlp(art["text"]))  # type: ignore[operator]
            day = art["published_at"].date() if art["published_at"] else None
            drafts = coder.drafts(doc, coder.resolver.mentions(doc, day))
            per = Counter(d.sentence for d in drafts)
            left: dict[tuple[str, str], Counter[tuple[str, str, str]]] = {
                k: Counter(canon(t, False) for t, _, _ in ev) for k, ev in gold.items() if k[0] == guid}
            for d in sorted(drafts, key=lambda d: -d.confidence):  # as bench/events.py: surest first
                key = gold_key(doc, d.sentence, guid, written)
                if key not in left:
                    continue  # a sentence no one annotated
                t = canon((d.source.actor_code if d.source else "", d.target.actor_code if d.target else "",
                           cameo[d.code].root), False)
                right = left[key][t] > 0
                left[key][t] -= right
                out.append((f"{p.name}:{guid}", features(doc, d, per[d.sentence]), d.confidence, int(right)))
    return out


def fit(rows: list[list[str]], y: np.ndarray, lam: float) -> Calibrator:
    """L2-penalised logistic regression (intercept not penalised), by Newton's method."""
    counts = Counter(f for r in rows for f in set(r))
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    col = {f: j for j, f in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, 0] = 1.0
    for i, r in enumerate(rows):
        for f in r:
            if f in col:
                x[i, col[f] + 1] = 1.0
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], lam)
    pen[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + pen * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Calibrator(float(w[0]), {f: float(w[j + 1]) for f, j in col.items()})


def fold_of(group: str, k: int = 5) -> int:
    return int(hashlib.sha1(group.encode()).hexdigest(), 16) % k


def log_loss(p: list[float], y: list[int]) -> float:
    eps = 1e-6
    return -sum(yi * math.log(max(pi, eps)) + (1 - yi) * math.log(max(1 - pi, eps))
                for pi, yi in zip(p, y, strict=True)) / len(y)


def scores(p: list[float], y: list[int]) -> str:
    brier = sum((pi - yi) ** 2 for pi, yi in zip(p, y, strict=True)) / len(y)
    return f"log loss {log_loss(p, y):.3f}, Brier {brier:.3f}"


def bands(p: list[float], y: list[int]) -> str:
    """Precision per probability band: a calibrated band's rate falls inside the band."""
    right: Counter[int] = Counter()
    total: Counter[int] = Counter()
    for pi, yi in zip(p, y, strict=True):
        b = min(int(pi * 10), 9)
        total[b] += 1
        right[b] += yi
    return ", ".join(f"{b / 10:.1f}-{(b + 1) / 10:.1f}: {right[b]}/{total[b]} = {right[b] / total[b]:.2f}"
                     for b in sorted(total, reverse=True))


def cross_validate(data: list[Sample], lam: float) -> list[float]:
    """Out-of-fold probabilities: each fold predicted by a model fitted on the other four."""
    out = [0.0] * len(data)
    for k in range(5):
        train = [s for s in data if fold_of(s[0]) != k]
        model = fit([s[1] for s in train], np.array([s[3] for s in train], dtype=float), lam)
        for i, s in enumerate(data):
            if fold_of(s[0]) == k:
                out[i] = model.probability(s[1])
    return out


def write(model: Calibrator, lam: float, sets: list[str], n: int, positives: int) -> None:
    lines = [
        "# Event confidence model (transforms/calibration.py): written by bench/calibrate.py; do not edit by hand.",
        f"# Fitted on {n} coder drafts ({positives} right) of the development gold: {', '.join(sets)}.",
        f"# L2 penalty {lam} (chosen by 5-fold cross-validation grouped by item); features seen fewer than "
        f"{MIN_COUNT} times have no weight.",
        "feature\tweight",
        f"(intercept)\t{model.intercept:.4f}",
        *(f"{f}\t{w:.4f}" for f, w in sorted(model.weights.items(), key=lambda fw: (-abs(fw[1]), fw[0]))
          if abs(w) >= 5e-5),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", nargs="+", metavar="SET",
                    help="score the shipped weights on these gold sets instead of fitting")
    ap.add_argument("--written-only", action="store_true",
                    help="without ../shared, fit on the written development sets alone (overwrites the weights)")
    args = ap.parse_args()
    nlp = load_model()
    cameo, triggers = default_tables()
    coder = EventCoder(default_resolver(), cameo, triggers, load_places(), calibrate=False)
    if args.check:
        data = samples([gold_path(s) for s in args.check], nlp, coder)
        model = default_calibrator()
        y = [s[3] for s in data]
        for label, p in (("rule tiers", [s[2] for s in data]), ("model", [model.probability(s[1]) for s in data])):
            print(f"{label}: {len(y)} drafts, {sum(y)} right; {scores(p, y)}\n  {bands(p, y)}")
        return
    paths = [GOLD / "written" / f"{s}.tsv" for s in WRITTEN_DEV]
    if corpus.LEMONDE.is_dir():
        paths = [GOLD / f for f in FEED_DEV] + paths
    elif not args.written_only:
        sys.exit(f"no {corpus.LEMONDE}: the shipped weights are fitted on the feed development sets too; "
                 "run beside ../shared, or pass --written-only to fit on the written sets alone")
    else:
        print(f"(no {corpus.LEMONDE}: fitting on the written development sets only)")
    data = samples(paths, nlp, coder)
    y = [s[3] for s in data]
    print(f"{len(data)} drafts, {sum(y)} right, {len(paths)} sets")
    print(f"rule tiers as probabilities: {scores([s[2] for s in data], y)}\n  {bands([s[2] for s in data], y)}")
    tiers_only = [(g, [f for f in fs if f.startswith("tier=")], t, r) for g, fs, t, r in data]
    print(f"cross-validated, the rule tiers alone refitted: {scores(cross_validate(tiers_only, 1.0), y)}")
    best = None
    for lam in LAMBDAS:
        p = cross_validate(data, lam)
        print(f"cross-validated, L2 {lam}: {scores(p, y)}")
        ll = log_loss(p, y)
        if best is None or ll < best[0]:
            best = (ll, lam, p)
    assert best is not None
    print(f"chosen L2 {best[1]}; cross-validated bands:\n  {bands(best[2], y)}")
    model = fit([s[1] for s in data], np.array(y, dtype=float), best[1])
    write(model, best[1], [p.stem for p in paths], len(data), sum(y))
    print(f"wrote {OUT} ({len(model.weights)} features)")


if __name__ == "__main__":
    main()
