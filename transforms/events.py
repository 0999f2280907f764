"""Events branch: the coder's drafts (transforms/coder.py) become event table rows, merged per
article, and a Beam DoFn runs the coder on every parsed article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics

from schemas import SCHEMA_VERSION
from transforms import eventdates
from transforms.coder import EventCoder, EventDraft
from transforms.entities import Mention, article_day, default_resolver, partition_actor
from transforms.lexicon import default_tables
from transforms.nlp import ParsedDoc
from transforms.places import load_places
from transforms.rejects import REJECT_TAG, guarded
from transforms.syntax import clause_distance, clause_verb, is_future
from transforms.text import stable_id


def event_rows(article: dict[str, Any], doc: ParsedDoc, coder: EventCoder,
               mentions: list[Mention] | None = None) -> list[dict[str, Any]]:
    """Event table rows for one article, merged per (actors, code, date, modality)."""
    day = article_day(article)
    if mentions is None:
        mentions = coder.resolver.mentions(doc, day)
    lead_end = _lead_end(article, doc)
    merged: dict[str, dict[str, Any]] = {}
    for d in coder.drafts(doc, mentions):
        code = coder.cameo[d.code]
        s, e = doc.sents[d.sentence]
        sentence = doc.span_text(s, e).strip()
        date, date_source = event_date(doc, d, day)
        d = replace(d, modality=dated_modality(doc, d, code.root, date, date_source, day))
        a1, a2 = d.source, d.target
        key = stable_id(article["article_id"], a1.actor_code if a1 else "", a2.actor_code if a2 else "",
                        code.code, date.isoformat(), d.modality)
        if key in merged:  # one event told twice: counted twice, as sure as its surest telling
            merged[key]["num_mentions"] += 1
            merged[key]["confidence"] = max(merged[key]["confidence"], d.confidence)
            continue
        t_start, t_end = doc.idx[d.trigger], doc.end_char(d.trigger)
        merged[key] = {
            "event_id": key,
            "event_date": date,
            "event_date_source": date_source,
            "actor1_name": (a1.canonical_name or a1.text) if a1 else None,
            "actor1_code": a1.actor_code if a1 else None,
            "actor1_country": a1.country if a1 else None,
            "actor2_name": (a2.canonical_name or a2.text) if a2 else None,
            "actor2_code": a2.actor_code if a2 else None,
            "actor2_country": a2.country if a2 else None,
            "event_code": code.code,
            "event_base_code": code.code[:3],
            "event_root_code": code.root,
            "quad_class": code.quad_class,
            "goldstein": code.goldstein,
            "plover_type": code.plover_type,
            "modality": d.modality,
            "is_root_event": t_start < lead_end,
            "action_geo_name": d.place.name if d.place else None,
            "action_geo_country": d.place.country if d.place else None,
            "action_geo_lat": d.place.lat if d.place else None,
            "action_geo_lon": d.place.lon if d.place else None,
            "num_mentions": 1,
            "confidence": d.confidence,
            "sentence": sentence,
            "trigger": doc.words[d.trigger],
            "trigger_start": t_start,
            "trigger_end": t_end,
            "actor1_start": a1.start_char if a1 else None,
            "actor1_end": a1.end_char if a1 else None,
            "actor2_start": a2.start_char if a2 else None,
            "actor2_end": a2.end_char if a2 else None,
            "article_id": article["article_id"],
            "source_url": article.get("url"),
            "published_at": article.get("published_at"),
            "ingested_at": article["ingested_at"],
            "schema_version": SCHEMA_VERSION,
            "date": date.isoformat(),
            "actor": partition_actor(a1.actor_code if a1 else None, a1.country if a1 else None)
            if a1 and a1.resolved else "UNK",
        }
    return list(merged.values())


def _on_noun_phrase(doc: ParsedDoc, w: int, noun: int) -> bool:
    """Word w is the noun or a name of its complements ("pourparlers entre Kiev et Moscou"), which
    the parser may hang a participle on."""
    for _ in range(4):
        if w == noun:
            return True
        if doc.deps[w] not in ("nmod", "conj") or doc.pos[w] != "PROPN" or doc.heads[w] == w:
            return False  # (only through names: "Destitution : le rapport … attendu en décembre" is the report's)
        w = doc.heads[w]
    return False


# Roots of what is said (statements, appeals, promises, demands, criticism, refusals, threats): a
# later date in their sentence is what they speak of ("promet un meeting le 16 janvier"), not theirs
SAID_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})


def dated_modality(doc: ParsedDoc, draft: EventDraft, root: str, date: dt.date, date_source: str,
                   published: dt.date) -> str:
    """An act the sentence dates after the day of publication has not happened yet, whatever its
    tense says: "des pourparlers annoncés la semaine prochaine" are to come (`future`), not
    `asserted`. A photo caption's closing date is
    the day the photo was taken: a later one says the item's date is wrong, not that the act
    shown is to come."""
    if draft.modality != "asserted" or root in SAID_ROOTS or not date_source.startswith("text") or date <= published:
        return draft.modality
    s, e = doc.sents[draft.sentence]
    text = doc.span_text(s, e)
    if any(eventdates.closes_caption(text, x) and x.day == date for x in eventdates.expressions(text, published)):
        return draft.modality
    return "future"


def event_date(doc: ParsedDoc, draft: EventDraft, published: dt.date) -> tuple[dt.date, str]:
    """When the draft's event took place, and how we know: 'text' (a day the sentence gives),
    'text_month' or 'text_year' (the first day of the month or year it gives), 'published' (the
    sentence gives none for it). A date in the trigger's own clause wins, then one in a clause that
    governs it ("Le Français arrêté en Iran en 2020": the arrest, a participle under a verbless
    headline), then a caption's closing date ("…, le 27 décembre 2021."); a date in a clause beside
    it belongs to another event ("Rejetée mercredi 5 janvier, … Djokovic a intenté jeudi un
    recours": the appeal is Thursday's). A weekday in a clause about what is to come is the coming
    one ("se rendra lundi à Berlin")."""
    if draft.trig_def is EventCoder.CHARGE:
        # a crime charged or alleged happened before the news, on a day the sentence seldom gives: its
        # dates are the trial's or the charge's ("accusé de viols, sera jugé le 24 février")
        return published, "published"
    s, e = doc.sents[draft.sentence]
    base = doc.idx[s]
    text = doc.text[base:doc.end_char(e - 1)]
    ahead = {x.start: x for x in eventdates.expressions(text, published, future=True)}
    found = []
    for x in eventdates.expressions(text, published):
        k = next((t for t in range(s, e) if doc.idx[t] <= base + x.start < doc.end_char(t)), s)
        v = clause_verb(doc, k)
        # (the verb an infinitive hangs on says it too: "pourrait reconnaître … dès le mois de juin")
        verbs = [] if v is None else [v, doc.heads[v]] if doc.deps[v] == "xcomp" else [v]
        # (so does "doit" over an infinitive: "doit se rendre mardi à Varsovie" is the coming Tuesday)
        # (and a future auxiliary: "sera jugé le 26 septembre" is next September's trial)
        if any(is_future(doc, w) or doc.morph(w, "Mood") == "Cnd" or any(
                doc.lemmas[c] == "aller" and doc.deps[c] == "aux" for c in doc.children(w))
                or w != v and doc.lemmas[w] == "devoir" and doc.morph(w, "Tense") in ("Pres", "Imp")
                for w in verbs) or \
                v is None and draft.modality == "future":
            x = ahead.get(x.start, x)
        far = clause_distance(doc, draft.trigger, k)
        if far is None and v is not None and doc.deps[v] == "acl" and _on_noun_phrase(doc, doc.heads[v], draft.trigger):
            far = 0  # "des pourparlers entre Kiev et Moscou annoncés la semaine prochaine": the event noun's date
        if far is None and eventdates.closes_caption(text, x):
            far = 99
        if far is not None:
            found.append((far, x.rank, x.start, x))
    if not found:
        return published, "published"
    best = min(found, key=lambda f: f[:3])[3]
    return best.day, best.source


def _lead_end(article: dict[str, Any], doc: ParsedDoc) -> int:
    """End offset of the title plus the first paragraph: events there are root events."""
    text = doc.text
    title = article.get("title") or ""
    start = len(title) if title and text.startswith(title) else 0
    body = text[start:].lstrip("\n")
    offset = len(text) - len(body)
    para = body.find("\n\n")
    return offset + (para if para >= 0 else len(body))


class _ExtractEvents(beam.DoFn):
    def __init__(self, home_country: str | None) -> None:
        self.home_country = home_country
        self.count = Metrics.counter("events", "events")

    def setup(self) -> None:
        cameo, triggers = default_tables()
        self.coder = EventCoder(default_resolver(self.home_country), cameo, triggers, load_places(self.home_country),
                                home_country=self.home_country)

    def process(self, parsed: tuple[dict[str, Any], ParsedDoc]) -> Iterable[Any]:
        article, doc = parsed
        rows, reject = guarded("events", article, lambda: event_rows(article, doc, self.coder))
        if reject:
            yield beam.pvalue.TaggedOutput(REJECT_TAG, reject)
        for row in rows:
            self.count.inc()
            yield row


class ExtractEvents(beam.PTransform):
    """(article, ParsedDoc) pairs to event rows; an article that fails goes to `rejects`.
    home_country: the news sources' country (VigieOptions.home_country)."""

    def __init__(self, home_country: str | None = "FRA") -> None:
        super().__init__()
        self.home_country = home_country

    def expand(self, parsed: beam.PCollection) -> beam.PCollection:
        return parsed | "Code" >> beam.ParDo(_ExtractEvents(self.home_country)).with_outputs(
            REJECT_TAG, main="events")
