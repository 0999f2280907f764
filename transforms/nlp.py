"""One parse per article: spaCy's French model, batched, to plain data.

The parse is converted to `ParsedDoc`, a small structure of lists (no spaCy
objects), because it crosses DoFn boundaries and may be pickled: a spaCy Doc
drags its vocabulary along, a ParsedDoc is a few kilobytes. The entities and
events branches both read it, so the model runs once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics

from transforms.rejects import REJECT_TAG, make_reject

LOG = logging.getLogger(__name__)

MODEL = "fr_core_news_md"
# Longer texts are cut (and flagged `truncated`): parser memory grows with
# length and news articles rarely exceed 30k characters.
MAX_CHARS = 100_000


@dataclass
class ParsedDoc:
    """A spaCy parse as plain lists, indexed by token."""

    text: str
    words: list[str]
    lemmas: list[str]
    pos: list[str]
    deps: list[str]
    heads: list[int]
    idx: list[int]
    morphs: list[str]
    sents: list[tuple[int, int]]  # token ranges [start, end)
    ents: list[tuple[int, int, str]] = field(default_factory=list)  # token ranges + label

    def __len__(self) -> int:
        return len(self.words)

    def end_char(self, i: int) -> int:
        return self.idx[i] + len(self.words[i])

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.idx[start]:self.end_char(end - 1)]

    def sent_index(self, i: int) -> int:
        for n, (s, e) in enumerate(self.sents):
            if s <= i < e:
                return n
        return len(self.sents) - 1

    def children(self, i: int) -> list[int]:
        s, e = self.sents[self.sent_index(i)]
        return [j for j in range(s, e) if self.heads[j] == i and j != i]

    def subtree(self, i: int) -> tuple[int, int]:
        """Token range covered by i and its descendants (projective parses)."""
        lo = hi = i
        stack = [i]
        while stack:
            k = stack.pop()
            lo, hi = min(lo, k), max(hi, k)
            stack.extend(self.children(k))
        return lo, hi + 1

    def morph(self, i: int, feature: str) -> str | None:
        for part in self.morphs[i].split("|"):
            if part.startswith(feature + "="):
                return part.split("=", 1)[1]
        return None

    def word_count(self) -> int:
        return sum(1 for p in self.pos if p not in ("PUNCT", "SPACE"))


def from_spacy(doc: Any) -> ParsedDoc:
    """Convert a spaCy Doc to a ParsedDoc, with the syntax `transforms.reparse` repaired if any."""
    fixed = doc.user_data.get(REPAIRED_SYNTAX)
    if fixed is not None:
        fixed = {k: list(v) for k, v in fixed.items()}
    return ParsedDoc(
        text=doc.text,
        words=[t.text for t in doc],
        lemmas=fixed["lemmas"] if fixed else [t.lemma_ for t in doc],
        pos=fixed["pos"] if fixed else [t.pos_ for t in doc],
        deps=fixed["deps"] if fixed else [t.dep_ for t in doc],
        heads=fixed["heads"] if fixed else [t.head.i for t in doc],
        idx=[t.idx for t in doc],
        morphs=fixed["morphs"] if fixed else [str(t.morph) for t in doc],
        sents=[(s.start, s.end) for s in doc.sents],
        ents=[(e.start, e.end, e.label_) for e in doc.ents],
    )


_NLP: Any = None
PARAGRAPHS = "vigie_paragraphs"
REPAIRED_SYNTAX = "vigie_syntax"  # doc.user_data key set by transforms.reparse


# A sentence ends on these (a closing quote or bracket after one of them too); nowhere else.
SENTENCE_ENDS = frozenset({".", "!", "?", "…", "...", ";"})
CLOSERS = frozenset({"»", "”", '"', ")", "]"})


def _ends_sentence(doc: Any, k: int) -> bool:
    word = doc[k].text
    return word in SENTENCE_ENDS or word in CLOSERS and k > 0 and doc[k - 1].text in SENTENCE_ENDS


def _register_paragraphs() -> None:
    """A tiny component, run before the parser, that fixes its segmentation errors.

    The parser sometimes runs a sentence across a paragraph break (titles
    without a full stop, captions), which glues unrelated actors into one
    event sentence; and it often starts a sentence where none ends: inside a
    name ("Boris | Johnson ont fait écho"), before a caption's "lors de"
    ("Valérie Pécresse | lors d'un meeting"), before the final full stop, after
    a headline's colon. A quarter of the sentence starts of the January 2022
    feeds were of that kind, and they cut the actor off its event. So: a line
    break always starts a sentence, and a sentence starts nowhere else but after
    a full stop, a question or exclamation mark, an ellipsis or a semicolon.
    """
    from spacy.language import Language

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(PARAGRAPHS)
    def paragraphs(doc: Any) -> Any:
        for tok in doc[:-1]:
            nxt = doc[tok.i + 1]
            if tok.is_space and "\n" in tok.text:
                nxt.is_sent_start = True
            elif not tok.is_space and not nxt.is_space and not _ends_sentence(doc, tok.i):
                nxt.is_sent_start = False
        return doc


def load_model(name: str = MODEL) -> Any:
    """The spaCy pipeline, loaded once per process and shared by every DoFn instance."""
    global _NLP
    if _NLP is None:
        import spacy

        from transforms import reparse, tense

        _register_paragraphs()
        reparse.register()
        tense.register()
        nlp = spacy.load(name)
        nlp.add_pipe(PARAGRAPHS, before="parser")
        nlp.add_pipe(tense.COMPONENT, after="lemmatizer")
        nlp.add_pipe(reparse.COMPONENT, last=True)
        _NLP = nlp
    return _NLP


def prepare(text: str) -> tuple[str, bool]:
    """The text to parse and whether it was cut at MAX_CHARS (on a paragraph if possible)."""
    if len(text) <= MAX_CHARS:
        return text, False
    cut = text.rfind("\n", 0, MAX_CHARS)
    return text[: cut if cut > MAX_CHARS // 2 else MAX_CHARS], True


def parse_texts(nlp: Any, texts: Sequence[str], batch_size: int = 32) -> Iterator[ParsedDoc]:
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield from_spacy(doc)


class _Progress:
    """Logs items and rate every `every` seconds, per worker process."""

    def __init__(self, every: float = 10.0) -> None:
        self.every = every
        self.start = self.last = time.monotonic()
        self.docs = self.words = 0

    def add(self, docs: int, words: int) -> None:
        self.docs += docs
        self.words += words
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            rate = self.words / max(now - self.start, 1e-9)
            LOG.warning("vigie progress: %d articles parsed, %d words, %.0f words/s",
                        self.docs, self.words, rate)


class _ParseBatch(beam.DoFn):
    """Batches of articles in, (article, ParsedDoc) out; a failing article is a reject."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.parsed = Metrics.counter("nlp", "articles_parsed")
        self.words = Metrics.counter("nlp", "words")
        self.progress: _Progress | None = None

    def setup(self) -> None:
        self.nlp = load_model(self.model)
        self.progress = _Progress()

    def process(self, batch: list[dict[str, Any]]) -> Iterable[Any]:
        prepared = [prepare(a["text"]) for a in batch]
        try:
            docs = list(parse_texts(self.nlp, [t for t, _ in prepared]))
            results: list[ParsedDoc | Exception] = list(docs)
        except Exception:  # noqa: BLE001 - retry one by one to isolate the poison article
            results = []
            for text, _ in prepared:
                try:
                    results.append(from_spacy(self.nlp(text)))
                except Exception as e:  # noqa: BLE001
                    results.append(e)
        n_words = 0
        for article, (_, truncated), res in zip(batch, prepared, results, strict=True):
            if isinstance(res, Exception):
                Metrics.counter("rejected", "nlp_failed").inc()
                yield beam.pvalue.TaggedOutput(REJECT_TAG, make_reject(
                    article["input_ref"], "nlp", "nlp_failed", f"{type(res).__name__}: {res}",
                    article=article))
                continue
            words = res.word_count()
            n_words += words
            self.parsed.inc()
            self.words.inc(words)
            yield {**article, "truncated": truncated, "word_count": words,
                   "sentence_count": len(res.sents)}, res
        if self.progress:
            self.progress.add(len(batch), n_words)


class ParseArticles(beam.PTransform):
    """French articles to (article, ParsedDoc) pairs, parsed in batches; failures on `rejects`."""

    def __init__(self, model: str = MODEL, max_batch: int = 64) -> None:
        super().__init__()
        self.model = model
        self.max_batch = max_batch

    def expand(self, articles: beam.PCollection) -> beam.pvalue.DoOutputsTuple:
        return (
            articles
            | "Batch" >> beam.BatchElements(min_batch_size=1, max_batch_size=self.max_batch)
            | "Parse" >> beam.ParDo(_ParseBatch(self.model)).with_outputs(REJECT_TAG, main="parsed")
        )
