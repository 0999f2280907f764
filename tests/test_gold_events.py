"""The event gold files parse, follow the format bench/events.py reads, and point at real items.

bench/gold/events.tsv is the development set, events_dev2.tsv to events_dev8.tsv seven more
development sets annotated on other items, events_test.tsv, events_test2.tsv and events_test3.tsv
the held-out test sets; no two share an item. bench/gold/agreement/ holds second, independent
annotations of the sentences of some sets, for bench/agreement.py. Resolving guids and sentence
keys needs the Le Monde feeds in ../shared (skipped when absent).
"""

from __future__ import annotations

import csv
import itertools
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import ROOT, need_shared

GOLD = ROOT / "bench" / "gold"
SETS = {"dev": GOLD / "events.tsv", "dev2": GOLD / "events_dev2.tsv", "dev3": GOLD / "events_dev3.tsv",
        "dev4": GOLD / "events_dev4.tsv", "dev5": GOLD / "events_dev5.tsv",
        "dev6": GOLD / "events_dev6.tsv", "dev7": GOLD / "events_dev7.tsv",
        "dev8": GOLD / "events_dev8.tsv", "test": GOLD / "events_test.tsv",
        "test2": GOLD / "events_test2.tsv", "test3": GOLD / "events_test3.tsv"}
HEADER = ["guid", "sentence_key", "actor1_code", "actor2_code", "root", "modality", "trap"]
MODALITIES = {"asserted", "negated", "hypothetical", "future", "reported"}
TRAPS = {"none", "negation", "conditional", "intent", "question", "suspicion"}
CODE = re.compile(r"^[A-Z]{2,12}$")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == HEADER, f"{path.name}: header {reader.fieldnames}"
        return list(reader)


def _check_event_columns(r: dict[str, str], where: str) -> None:
    """The event columns every gold row shares, feed or written: trap, root, modality, actors."""
    assert r["trap"] in TRAPS, where
    if r["root"] == "-":
        assert r["modality"] == "-" and not r["actor1_code"] and not r["actor2_code"], where
    else:
        assert re.fullmatch(r"(0[1-9]|1[0-9]|20)", r["root"]), where
        assert r["modality"] in MODALITIES, where
        assert CODE.match(r["actor1_code"]), f"{where}: an event needs an actor 1"
        assert not r["actor2_code"] or CODE.match(r["actor2_code"]), where


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_file_is_well_formed(name):
    rows = _rows(SETS[name])
    assert rows
    per_sentence: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for i, r in enumerate(rows, start=2):
        where = f"{SETS[name].name}:{i}"
        assert None not in r.values() and None not in r, f"{where}: wrong number of columns"
        assert r["guid"].startswith("https://www.lemonde.fr/"), where
        assert re.fullmatch(r"[0-9a-f]{12}", r["sentence_key"]), where
        _check_event_columns(r, where)
        per_sentence[(r["guid"], r["sentence_key"])].append(r)
    for key, rs in per_sentence.items():
        if any(r["root"] == "-" for r in rs):
            assert len(rs) == 1, f"{key}: a '-' row must be the sentence's only row"
        if name != "dev":
            assert len({r["trap"] for r in rs}) == 1, f"{key}: one trap value per sentence"


@pytest.mark.parametrize("a,b", list(itertools.combinations(sorted(SETS), 2)))
def test_gold_sets_share_no_item(a, b):
    guids_a = {r["guid"] for r in _rows(SETS[a])}
    guids_b = {r["guid"] for r in _rows(SETS[b])}
    assert not guids_a & guids_b, f"{a} and {b} share items: {sorted(guids_a & guids_b)[:3]}"


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_guids_and_sentence_keys_resolve(name, nlp):
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    need_shared(corpus.LEMONDE)
    from transforms.nlp import from_spacy

    rows = _rows(SETS[name])
    items = corpus.items()
    guids = sorted({r["guid"] for r in rows})
    missing = [g for g in guids if g not in items]
    assert not missing, f"{name}: items not in the feeds: {missing[:5]}"
    keys: dict[str, set[str]] = {}
    for guid, parsed in zip(guids, nlp.pipe(items[g]["text"] for g in guids), strict=True):
        doc = from_spacy(parsed)
        keys[guid] = {corpus.sentence_key(doc.span_text(s, e).strip()) for s, e in doc.sents}
    unresolved = [(r["guid"], r["sentence_key"]) for r in rows if r["sentence_key"] not in keys[r["guid"]]]
    assert not unresolved, f"{name}: sentence keys not found in their item: {unresolved[:5]}"


def test_agreement_counts_shared_triples_symmetrically(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    import agreement

    head = "\t".join(HEADER) + "\n"
    a = tmp_path / "a.tsv"
    b = tmp_path / "b.tsv"
    a.write_text(head + "g\tk1\tFRAGOV\tRUSGOV\t04\tasserted\tnone\n"
                 "g\tk1\tFRAGOV\t\t01\tasserted\tnone\n"
                 "g\tk2\t\t\t-\t-\tnone\n"
                 "g\tk3\tUSAGOV\tRUS\t13\tasserted\tnone\n", encoding="utf-8")
    # B codes the meeting the other way round (04 is symmetric), misses the statement, calls k2
    # eventful, and codes k3's threat with a sector for the target; k4 is not in A and is ignored
    b.write_text(head + "g\tk1\tRUSGOV\tFRAGOV\t04\tfuture\tintent\n"
                 "g\tk2\tFRACVL\t\t14\tasserted\tnone\n"
                 "g\tk3\tUSAGOV\tRUSGOV\t13\tasserted\tnone\n"
                 "g\tk4\tFRA\t\t01\tasserted\tnone\n", encoding="utf-8")
    strict = agreement.compare(a, b, loose=False)
    assert strict[0].startswith("agreement, strict: sentences=3 events A=3 B=3 both=1 f1=0.333"), strict[0]
    assert "0/1" in strict[1] and "2/3" in strict[1]  # modality differs; only k1, k3 agree on "any event"
    loose = agreement.compare(a, b, loose=True)
    assert "both=2 f1=0.667" in loose[0], loose[0]
    assert agreement.compare(b, a, loose=False)[0].endswith("f1=0.333")


AGREEMENT = sorted((GOLD / "agreement").glob("*.tsv"))


@pytest.mark.parametrize("path", AGREEMENT, ids=[p.name for p in AGREEMENT])
def test_second_annotations_cover_exactly_their_sets_sentences(path):
    base = SETS[path.stem.removeprefix("events_").removesuffix("_b")]
    keys = {(r["guid"], r["sentence_key"]) for r in _rows(base)}
    rows = _rows(path)
    assert {(r["guid"], r["sentence_key"]) for r in rows} == keys
    for i, r in enumerate(rows, start=2):
        assert None not in r.values() and None not in r, f"{path.name}:{i}: wrong number of columns"
        assert r["root"] == "-" or re.fullmatch(r"(0[1-9]|1[0-9]|20)", r["root"]), f"{path.name}:{i}"
        assert r["root"] == "-" or r["modality"] in MODALITIES, f"{path.name}:{i}"


def test_two_annotator_scores_credit_either_reading_and_owe_only_shared_events():
    sys.path.insert(0, str(ROOT / "bench"))
    from events import two_annotators

    key = ("g", "k")
    a = {key: [(("FRAGOV", "", "01"), "asserted", "none"), (("FRAGOV", "RUSGOV", "04"), "asserted", "none")]}
    b = {key: [(("FRAGOV", "", "11"), "asserted", "none"), (("RUSGOV", "FRAGOV", "04"), "asserted", "none")]}
    predicted = {key: [(("FRAGOV", "", "11"), "asserted"), (("USAGOV", "", "13"), "asserted")]}
    line = two_annotators(a, b, predicted, loose=False)
    # 11 is B's reading (right), 13 nobody's; the meeting (symmetric) is the only shared event, missed
    assert "either 1/2 = 0.500" in line and "both coded 0/1 = 0.000" in line, line


def test_precision_by_confidence_counts_each_gold_event_once():
    sys.path.insert(0, str(ROOT / "bench"))
    from events import by_confidence

    key = ("g", "k")
    gold = {key: [(("FRAGOV", "RUSGOV", "04"), "asserted", "none")]}
    # the same right triple twice: only one can match the single gold event, the surer one
    confidence = {key: [(("FRAGOV", "RUSGOV", "04"), 0.5), (("RUSGOV", "FRAGOV", "04"), 0.9),
                        (("FRAGOV", "", "01"), 0.7)]}
    line = by_confidence(gold, confidence, loose=False)
    assert line == "precision by confidence: 0.9-1.0: 1/1 = 1.00, 0.7-0.8: 0/1 = 0.00, 0.5-0.6: 0/1 = 0.00", line
    # bands, not values: 0.93 and 0.97 are one band, the surer of them takes the match
    confidence = {key: [(("FRAGOV", "RUSGOV", "04"), 0.93), (("FRAGOV", "RUSGOV", "04"), 0.97)]}
    line = by_confidence(gold, confidence, loose=False)
    assert line == "precision by confidence: 0.9-1.0: 1/2 = 0.50", line


# Written sets: sentences our annotators wrote in news style, stored with text and date (no ../shared)
WRITTEN = sorted((GOLD / "written").glob("*.tsv"))


@pytest.mark.parametrize("path", WRITTEN, ids=[p.name for p in WRITTEN])
def test_written_set_is_well_formed(path):
    sys.path.insert(0, str(ROOT / "bench"))
    from events import WRITTEN_HEADER

    with path.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == WRITTEN_HEADER, f"{path.name}: header {reader.fieldnames}"
        rows = list(reader)
    per_id: dict[str, list[dict[str, str]]] = defaultdict(list)
    for i, r in enumerate(rows, start=2):
        where = f"{path.name}:{i}"
        assert None not in r.values() and None not in r, f"{where}: wrong number of columns"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]), where
        assert r["text"].strip() and "\n" not in r["text"], where
        _check_event_columns(r, where)
        per_id[r["id"]].append(r)
    for sid, group in per_id.items():
        assert len({(r["date"], r["text"], r["trap"]) for r in group}) == 1, f"{path.name}: {sid} differs across rows"
        assert len(group) == 1 or all(r["root"] != "-" for r in group), f"{path.name}: {sid} mixes '-' and events"


def test_written_sets_load_as_one_sentence_articles(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from events import WRITTEN_HEADER, is_written, load_written

    f = tmp_path / "w.tsv"
    f.write_text("\t".join(WRITTEN_HEADER) + "\n"
                 "w-1\t2022-01-21\tLe Mali expulse l'ambassadeur de France.\tMLIGOV\tFRA\t16\tasserted\tnone\n"
                 "w-2\t2022-01-22\tIl pleut sur Paris.\t\t\t-\t-\tnone\n", encoding="utf-8")
    assert is_written(f) and not is_written(SETS["dev"])
    gold, articles = load_written(f)
    assert gold[("w-1", "")] == [(("MLIGOV", "FRA", "16"), "asserted", "none")] and gold[("w-2", "")] == []
    assert articles["w-2"]["text"] == "Il pleut sur Paris."
    assert str(articles["w-2"]["published_at"].date()) == "2022-01-22"


SECOND_WRITTEN = sorted((GOLD / "written" / "second").glob("*_b.tsv"))


@pytest.mark.parametrize("path", SECOND_WRITTEN, ids=[p.name for p in SECOND_WRITTEN])
def test_second_annotations_of_a_written_set_cover_exactly_its_sentences(path):
    sys.path.insert(0, str(ROOT / "bench"))
    from events import load_written

    base = GOLD / "written" / (path.stem.removesuffix("_b") + ".tsv")
    gold_a, texts_a = load_written(base)
    gold_b, texts_b = load_written(path)
    assert set(gold_a) == set(gold_b)
    assert {k: (a["text"], a["published_at"]) for k, a in texts_a.items()} == \
        {k: (a["text"], a["published_at"]) for k, a in texts_b.items()}
