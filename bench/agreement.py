"""Agreement between two annotations of the same sentences: the ceiling an event coder can be held to.

Usage: python bench/agreement.py A.tsv B.tsv

Both files use the gold format of bench/gold (see its README). Only sentences present in both are
compared. F1 on (actor1, actor2, root) triples is symmetric (A's precision against B is B's recall
against A), so no file is the reference; it is printed strict (full actor codes) and loose (actor
codes cut to their country), per root, with modality agreement on the triples both coded and
agreement on whether a sentence holds any event at all. Needs no model and no ../shared.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from events import canon, is_written, load_gold, load_written  # noqa: E402


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def compare(a_path: Path, b_path: Path, loose: bool) -> list[str]:
    """Lines of the report for one level of actor detail."""
    a, b = ((load_written(p)[0] if is_written(p) else load_gold(p)) for p in (a_path, b_path))
    common = sorted(set(a) & set(b))
    tp = fp = fn = 0
    per_root: dict[str, Counter[str]] = defaultdict(Counter)
    mod_same = mod_n = any_same = 0
    for key in common:
        sa = Counter(canon(t, loose) for t, _, _ in a[key])
        sb = Counter(canon(t, loose) for t, _, _ in b[key])
        for t in set(sa) | set(sb):
            both = min(sa[t], sb[t])
            tp, fp, fn = tp + both, fp + sb[t] - both, fn + sa[t] - both
            per_root[t[2]].update(tp=both, b_only=sb[t] - both, a_only=sa[t] - both)
        ma = {canon(t, loose): m for t, m, _ in a[key]}
        mb = {canon(t, loose): m for t, m, _ in b[key]}
        for t in set(ma) & set(mb):
            mod_n += 1
            mod_same += ma[t] == mb[t]
        any_same += bool(a[key]) == bool(b[key])
    label = "loose (country-level actors)" if loose else "strict"
    lines = [f"agreement, {label}: sentences={len(common)} events A={tp + fn} B={tp + fp} both={tp} "
             f"f1={f1(tp, fp, fn):.3f}",
             f"  modality agreement on triples both coded: {mod_same}/{mod_n} = {mod_same / max(mod_n, 1):.3f}; "
             f"sentences both call eventful or both empty: {any_same}/{len(common)} = "
             f"{any_same / max(len(common), 1):.3f}"]
    for root in sorted(per_root):
        c = per_root[root]
        lines.append(f"  root {root}: both={c['tp']:>3} only A={c['a_only']:>3} only B={c['b_only']:>3} "
                     f"f1={f1(c['tp'], c['b_only'], c['a_only']):.2f}")
    return lines


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    for loose in (False, True):
        print("\n".join(compare(Path(argv[0]), Path(argv[1]), loose)))


if __name__ == "__main__":
    main(sys.argv[1:])
