"""Language: keep French, reject the rest with the language we saw.

langdetect is seeded so the same text always gets the same answer. It is
run on a bounded prefix (speed does not depend on article length), and text
too short to judge is rejected as `too_short` on purpose rather than left to
chance: under MIN_LETTERS letters even a human hesitates.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics

from transforms.rejects import REJECT_TAG, make_reject

PREFIX_CHARS = 500
MIN_LETTERS = 12
MIN_PROB = 0.5

_FACTORY: Any = None
_FACTORY_LOCK = threading.Lock()


def _ensure_profiles() -> Any:
    """Load langdetect's profiles once per process (about a second).

    Under a lock, and published only when fully loaded: langdetect sets its global factory
    before the profiles are in, and a second thread (Flink and Dataflow workers run several)
    would then label French text 'pl' or 'af' with probability 1."""
    global _FACTORY
    if _FACTORY is None:
        with _FACTORY_LOCK:
            if _FACTORY is None:
                from langdetect import detector_factory

                detector_factory.init_factory()
                factory = detector_factory._factory
                factory.set_seed(0)
                _FACTORY = factory
    return _FACTORY


@dataclass(frozen=True)
class LanguageDecision:
    language: str
    probability: float
    is_french: bool
    reason: str | None  # reject reason when not French


def detect_language(text: str) -> LanguageDecision:
    """Decide French or not on the first PREFIX_CHARS characters."""
    sample = text[:PREFIX_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < MIN_LETTERS:
        return LanguageDecision("und", 0.0, False, "too_short")
    factory = _ensure_profiles()
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector = factory.create()  # seeded: deterministic
        detector.append(sample)
        ranked = detector.get_probabilities()
    except LangDetectException:
        return LanguageDecision("und", 0.0, False, "too_short")
    best = ranked[0]
    fr_prob = next((r.prob for r in ranked if r.lang == "fr"), 0.0)
    if best.lang == "fr" and fr_prob >= MIN_PROB:
        return LanguageDecision("fr", float(fr_prob), True, None)
    return LanguageDecision(best.lang, float(best.prob), False, "not_french")


class _DetectLanguage(beam.DoFn):
    def __init__(self) -> None:
        self.french = Metrics.counter("language", "french")

    def setup(self) -> None:
        _ensure_profiles()

    def process(self, article: dict[str, Any]) -> Iterable[Any]:
        decision = detect_language(article["text"])
        if decision.is_french:
            self.french.inc()
            yield {**article, "language": decision.language, "language_prob": decision.probability}
            return
        Metrics.counter("rejected", decision.reason or "not_french").inc()
        detail = f"detected {decision.language} (p={decision.probability:.2f})"
        yield beam.pvalue.TaggedOutput(REJECT_TAG, make_reject(
            article["input_ref"], "language", decision.reason or "not_french", detail, article=article))


class KeepFrench(beam.PTransform):
    """French articles on the main output, the rest on `rejects`."""

    def expand(self, articles: beam.PCollection) -> beam.pvalue.DoOutputsTuple:
        return articles | "Detect" >> beam.ParDo(_DetectLanguage()).with_outputs(
            REJECT_TAG, main="french")
