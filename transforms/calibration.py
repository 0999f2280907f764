"""Event confidence as a probability: a logistic model over how the coder found each event.

The coder's rules give every draft a tier (0.9 both actors from the parse, 0.7 no actor 2, 0.5 an
inferred actor, …), but a tier is a rank, not a rate: on held-out gold a 0.9 row was right about
six times in ten. An analyst who filters on `confidence >= 0.8` should get rows that are right
about eight times in ten (so they are, cross-validated on the development sets; on unseen news the
README gives the figures, somewhat lower). So the tier becomes one feature among others that the development gold
says matter (the root, the trigger, what kind of actors were found and how, the modality), and a
logistic model fitted on the development sets (`bench/calibrate.py`) turns them into the
probability that the row's (actor 1, actor 2, root) is what an annotator coded.

The weights are data (`lexicons/confidence.tsv`), written by `bench/calibrate.py`; inference is a
sum and a sigmoid, with no dependency. A feature the fit never saw weighs nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lexicons import LexiconError, path, read_tsv
from transforms.nlp import ParsedDoc
from transforms.syntax import lemma_of

if TYPE_CHECKING:
    from transforms.coder import EventDraft
    from transforms.entities import Mention

QUOTES_OPEN = {"«", "“"}
QUOTES_CLOSE = {"»", "”"}


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """The first edge n is below, as "<edge", else ">=last": few, coarse bins the fit can weigh."""
    for e in edges:
        if n < e:
            return f"<{e}"
    return f">={edges[-1]}"


def _actor(prefix: str, m: Mention | None) -> list[str]:
    """How an actor was found: its kind, how it was resolved, its sector (or "country" for a bare
    country), whether any list knows it."""
    if m is None:
        return [f"{prefix}=none"]
    sector = m.sector or ("country" if m.actor_code == m.country else "other")
    return [f"{prefix}_kind={m.kind}", f"{prefix}_res={m.resolution}", f"{prefix}_sector={sector}",
            f"{prefix}_known={m.resolved}"]


def _origin(where: str) -> str:
    """Which reading made the draft: the trigger lexicon (its line is no feature: the lemma is), or
    one of the coder's own sentence-level readings ("coder.py:attribution")."""
    return where if where.startswith("coder.py:") else "lexicon"


def _quoted(doc: ParsedDoc, start: int, i: int) -> bool:
    """Whether token i is inside a quotation that opens in its sentence (start = sentence start)."""
    depth = 0
    for k in range(start, i):
        depth += doc.words[k] in QUOTES_OPEN
        depth -= doc.words[k] in QUOTES_CLOSE and depth > 0
    return depth > 0


def features(doc: ParsedDoc, d: EventDraft, in_sentence: int) -> list[str]:
    """What the model weighs for one draft. `in_sentence` is the number of drafts of its sentence
    (a sentence read as five events is seldom right five times)."""
    s, e = doc.sents[d.sentence]
    a1, a2 = d.source, d.target
    out = [f"tier={d.confidence:.1f}", f"root={d.code[:2]}", f"code={d.code}", f"modality={d.modality}",
           f"trigger={lemma_of(doc, d.trigger).lower()}", f"trigger_pos={doc.pos[d.trigger]}",
           f"origin={_origin(d.trig_def.where)}",
           f"words={_bucket(e - s, (12, 25, 45))}", f"drafts={_bucket(in_sentence, (2, 3, 5))}",
           *_actor("a1", a1), *_actor("a2", a2)]
    if a1 is not None and a2 is not None:
        out.append(f"same_country={a1.country is not None and a1.country == a2.country}")
    if a1 is not None:
        out.append(f"a1_distance={_bucket(abs(a1.start - d.trigger), (3, 8, 16))}")
        out.append(f"a1_after={a1.start > d.trigger}")
    if _quoted(doc, s, d.trigger):
        out.append("quoted")
    if d.place is not None:
        out.append("place")
    return out


@dataclass(frozen=True)
class Calibrator:
    """A fitted logistic model: an intercept and one weight per feature string."""
    intercept: float
    weights: dict[str, float]

    def probability(self, feats: Iterable[str]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-z))


def load_calibrator(file: Path | None = None) -> Calibrator:
    """Read a weights file (feature, weight; the feature `(intercept)` once). A bad weight or a
    feature given twice raises LexiconError with the file and the line."""
    f = file or path("confidence.tsv")
    weights: dict[str, float] = {}
    intercept: float | None = None
    for lineno, row in read_tsv(f, ("feature", "weight")):
        try:
            w = float(row["weight"])
        except ValueError:
            raise LexiconError(f"{f}:{lineno}: weight {row['weight']!r} is not a number") from None
        if not math.isfinite(w):
            raise LexiconError(f"{f}:{lineno}: weight {row['weight']!r} is not finite")
        name = row["feature"]
        if name == "(intercept)":
            if intercept is not None:
                raise LexiconError(f"{f}:{lineno}: a second (intercept)")
            intercept = w
        elif name in weights:
            raise LexiconError(f"{f}:{lineno}: feature {name!r} given twice")
        else:
            weights[name] = w
    if intercept is None:
        raise LexiconError(f"{f}: no (intercept) line")
    return Calibrator(intercept, weights)


@lru_cache(maxsize=1)
def default_calibrator() -> Calibrator:
    return load_calibrator()
