"""Accuracy and speed of the French / not-French decision on lingua's test data.

Usage: python bench/langid.py [../shared/data/langid/lingua]
Reads sentences/ and word-pairs/ (one item per line, 9 languages); a French
line must be kept, any other rejected. Prints accuracy per set and language,
French precision/recall, and items per second.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transforms.language import detect_language  # noqa: E402


def evaluate(folder: Path) -> None:
    for subset in ("sentences", "word-pairs"):
        d = folder / subset
        if not d.is_dir():
            print(f"{subset}: missing ({d})")
            continue
        tp = fp = fn = tn = 0
        per_lang: dict[str, tuple[int, int]] = {}
        n = 0
        start = time.perf_counter()
        for f in sorted(d.glob("*.txt")):
            lang = f.stem
            ok = total = 0
            for line in f.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                decision = detect_language(line)
                truth = lang == "fr"
                pred = decision.is_french
                ok += pred == truth
                total += 1
                tp += truth and pred
                fp += (not truth) and pred
                fn += truth and not pred
                tn += (not truth) and not pred
            per_lang[lang] = (ok, total)
            n += total
        elapsed = time.perf_counter() - start
        acc = (tp + tn) / n
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        print(f"{subset}: n={n} accuracy={acc:.4f} french_precision={prec:.4f} "
              f"french_recall={rec:.4f} speed={n / elapsed:.0f} items/s")
        print("  per language (correct decision): " + ", ".join(
            f"{k}={v[0] / v[1]:.3f}" for k, v in sorted(per_lang.items())))


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    evaluate(Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/data/langid/lingua")
