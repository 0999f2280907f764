"""The event confidence model: its weights file, its features, its fit, and its place in the rows."""

from __future__ import annotations

import datetime as dt
import math
import re
import sys

import numpy as np
import pytest
from conftest import ROOT, SHARED, need_shared

from lexicons import LexiconError, path
from transforms.calibration import Calibrator, default_calibrator, features, load_calibrator
from transforms.coder import EventCoder
from transforms.entities import default_resolver
from transforms.events import event_rows
from transforms.lexicon import default_tables
from transforms.nlp import from_spacy
from transforms.places import load_places

sys.path.insert(0, str(ROOT / "bench"))
import calibrate  # noqa: E402


@pytest.fixture(scope="module")
def raw():
    """A coder whose drafts keep their rule tier: what the model is fitted on."""
    cameo, triggers = default_tables()
    return EventCoder(default_resolver(), cameo, triggers, load_places(), calibrate=False)


def _drafts(coder, nlp, text):
    doc = from_spacy(nlp(text))
    return doc, coder.drafts(doc, coder.resolver.mentions(doc, None))


def test_the_loader_names_file_and_line_of_a_bad_weight(tmp_path):
    f = tmp_path / "confidence.tsv"
    f.write_text("# c\nfeature\tweight\n(intercept)\t-0.5\nroot=04\tlots\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"confidence.tsv:4: weight 'lots' is not a number"):
        load_calibrator(f)
    f.write_text("feature\tweight\n(intercept)\t0\nroot=04\t1\nroot=04\t2\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"confidence.tsv:4: feature 'root=04' given twice"):
        load_calibrator(f)
    f.write_text("feature\tweight\nroot=04\t1\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no \\(intercept\\) line"):
        load_calibrator(f)
    f.write_text("feature\tweight\n(intercept)\tnan\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"confidence.tsv:2: .* not finite"):
        load_calibrator(f)


def test_a_probability_is_the_sigmoid_of_the_weights_it_has():
    model = Calibrator(0.0, {"root=04": math.log(3), "quoted": -math.log(3)})
    assert model.probability([]) == pytest.approx(0.5)
    assert model.probability(["root=04"]) == pytest.approx(0.75)
    assert model.probability(["root=04", "quoted"]) == pytest.approx(0.5)
    assert model.probability(["never=seen"]) == pytest.approx(0.5)  # an unknown feature weighs nothing


def test_the_fit_recovers_known_rates():
    # "a" right 8 times in 10, "b" 2 times in 10: a barely penalised fit gives back those rates
    rows = [["a"]] * 100 + [["b"]] * 100
    y = np.array([1] * 80 + [0] * 20 + [1] * 20 + [0] * 80, dtype=float)
    model = calibrate.fit(rows, y, lam=0.01)
    assert model.probability(["a"]) == pytest.approx(0.8, abs=0.01)
    assert model.probability(["b"]) == pytest.approx(0.2, abs=0.01)
    # a feature seen fewer than MIN_COUNT times has no weight
    model = calibrate.fit(rows + [["rare"]], np.append(y, 1.0), lam=0.01)
    assert "rare" not in model.weights and "a" in model.weights


def test_features_say_how_the_event_was_found(raw, nlp):
    doc, drafts = _drafts(raw, nlp, "Antony Blinken a rencontré Sergueï Lavrov à Genève.")
    assert len(drafts) == 1
    got = features(doc, drafts[0], 1)
    for f in ("tier=0.9", "root=04", "code=040", "modality=asserted", "trigger=rencontrer", "trigger_pos=VERB",
              "origin=lexicon", "a1_kind=person", "a2_kind=person", "same_country=False", "drafts=<2", "place"):
        assert f in got, (f, got)
    assert "quoted" not in got and "a2=none" not in got
    # a headline speaker is the coder's own reading, not a lexicon trigger
    doc, drafts = _drafts(raw, nlp, "Olaf Scholz : « L'Europe doit rester unie »")
    assert len(drafts) == 1 and "origin=coder.py:attribution" in features(doc, drafts[0], 1), drafts
    assert "a2=none" in features(doc, drafts[0], 1) and "tier=0.5" in features(doc, drafts[0], 1)
    # a trigger inside quotation marks is quoted
    doc, drafts = _drafts(raw, nlp, "Emmanuel Macron a affirmé : « La France soutient l'Ukraine ».")
    quoted = {d.code[:2]: "quoted" in features(doc, d, len(drafts)) for d in drafts}
    assert quoted == {"01": False, "05": True}, drafts


def test_every_shipped_weight_is_a_feature_the_coder_can_emit():
    model = load_calibrator(path("confidence.tsv"))
    kinds = {"tier", "root", "code", "modality", "trigger", "trigger_pos", "origin", "words", "drafts", "a1_kind",
             "a1_res", "a1_sector", "a1_known", "a2_kind", "a2_res", "a2_sector", "a2_known", "a2", "same_country",
             "a1_distance", "a1_after"}
    odd = [f for f in model.weights if f not in ("quoted", "place") and f.split("=")[0] not in kinds]
    assert not odd, odd
    assert not [f for f in model.weights if "/" in f.split("=", 1)[-1] and f.startswith("origin")]  # no paths


def test_rows_carry_the_model_probability_and_a_repeat_keeps_the_surest(coder_and_nlp):
    coder, nlp = coder_and_nlp
    text = ("Les Etats-Unis soupçonnent Moscou de vouloir envahir l'Ukraine. "
            "Antony Blinken a rencontré Sergueï Lavrov à Genève.")
    when = dt.datetime(2022, 1, 21, 12, tzinfo=dt.timezone.utc)
    art = {"article_id": "a", "url": None, "title": None, "text": text, "published_at": when,
           "published_at_status": "ok", "ingested_at": when}
    rows = event_rows(art, from_spacy(nlp(text)), coder)
    assert rows and all(0.0 < r["confidence"] < 1.0 for r in rows), rows
    by_root = {r["event_root_code"]: r for r in rows}
    # the suspected invasion is the least sure row: the model weighs its modality
    assert by_root["19"]["modality"] != "asserted"
    assert by_root["19"]["confidence"] < min(r["confidence"] for r in rows if r["modality"] == "asserted")
    # told twice, one event: its confidence is its surer telling's
    twice = event_rows({**art, "text": text + " " + text}, from_spacy(nlp(text + " " + text)), coder)
    meet = next(r for r in twice if r["event_root_code"] == "04")
    assert meet["num_mentions"] == 2 and meet["confidence"] == by_root["04"]["confidence"]


@pytest.fixture(scope="module")
def coder_and_nlp(nlp):
    cameo, triggers = default_tables()
    return EventCoder(default_resolver(), cameo, triggers, load_places()), nlp


def test_the_shipped_weights_are_the_fit_of_the_current_coder(raw, nlp):
    """Refitting on the development gold gives lexicons/confidence.tsv back: a change to the coder's
    rules that changes its drafts must come with a refit (python bench/calibrate.py)."""
    need_shared(SHARED / "data" / "rss" / "lemonde-2022-01")
    header = path("confidence.tsv").read_text(encoding="utf-8")
    lam = float(re.search(r"L2 penalty ([0-9.]+)", header).group(1))
    paths = [calibrate.GOLD / f for f in calibrate.FEED_DEV] + [
        calibrate.GOLD / "written" / f"{s}.tsv" for s in calibrate.WRITTEN_DEV]
    data = calibrate.samples(paths, nlp, raw)
    assert f"Fitted on {len(data)} coder drafts ({sum(s[3] for s in data)} right)" in header
    model = calibrate.fit([s[1] for s in data], np.array([s[3] for s in data], dtype=float), lam)
    shipped = default_calibrator()
    assert model.intercept == pytest.approx(shipped.intercept, abs=1e-3)
    kept = {f: w for f, w in model.weights.items() if abs(w) >= 5e-5}
    assert set(kept) == set(shipped.weights)
    assert all(kept[f] == pytest.approx(shipped.weights[f], abs=1e-3) for f in kept)
