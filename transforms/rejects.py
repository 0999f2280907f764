"""The `rejects` record: every item that does not become an article says why.

Reasons are a closed vocabulary so analysts can group by them (the README
has one line on each):
  source:   no_such_input, fetch_failed, fetch_timeout, blocked_url,
            redirect_refused, too_large, empty_input, undecodable, not_a_feed,
            xml_entities, malformed_feed, empty_feed, invalid_json,
            invalid_record, unsupported_format, empty_article, extraction_failed
  dedup:    duplicate
  language: not_french, too_short
  nlp:      nlp_failed
  entities: entities_failed    (the article is also in `articles`: its parse worked)
  events:   events_failed      (likewise)
Conservation: every input item is in `articles` or has exactly one reject of
stage source, dedup, language or nlp.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from schemas import SCHEMA_VERSION
from transforms.dates import now_utc
from transforms.text import excerpt, safe_str, stable_id

SOURCE_REASONS = frozenset({
    "no_such_input", "fetch_failed", "fetch_timeout", "blocked_url", "redirect_refused",
    "too_large", "empty_input", "undecodable", "not_a_feed", "xml_entities",
    "malformed_feed", "empty_feed", "invalid_json", "invalid_record",
    "unsupported_format", "empty_article", "extraction_failed",
})
REASONS = SOURCE_REASONS | frozenset({
    "duplicate", "not_french", "too_short", "nlp_failed", "entities_failed", "events_failed",
})

REJECT_TAG = "rejects"


def make_reject(input_ref: str, stage: str, reason: str, detail: str | None = None, *,
                text: str | None = None, article: dict[str, Any] | None = None,
                at: dt.datetime | None = None) -> dict[str, Any]:
    """A rejects row; `article` (when the item got that far) fills url, id and date."""
    if reason not in REASONS:
        raise ValueError(f"unknown reject reason {reason!r}")
    article = article or {}
    input_ref = safe_str(str(input_ref))
    return {
        "reject_id": stable_id(input_ref, stage, reason, article.get("article_id")),
        "input_ref": input_ref,
        "stage": stage,
        "reason": reason,
        "detail": safe_str((detail or None) and str(detail)[:1000]),
        "excerpt": safe_str(excerpt(text if text is not None else article.get("text"))),
        "article_id": article.get("article_id"),
        "url": safe_str(article.get("url")),
        "published_at": article.get("published_at"),
        "rejected_at": at or now_utc(),
        "schema_version": SCHEMA_VERSION,
    }


def reject_day(reject: dict[str, Any]) -> dt.date:
    """Rejects are partitioned by publication day when known, else by rejection day."""
    when = reject.get("published_at") or reject["rejected_at"]
    return when.astimezone(dt.timezone.utc).date()


def guarded(stage: str, article: dict[str, Any], compute: Callable[[], list[Any]]
            ) -> tuple[list[Any], dict[str, Any] | None]:
    """Run one article's extraction; on any exception, no rows and a `<stage>_failed` reject.

    A branch that raises on one article (a parser quirk, a bad lexicon entry) must not stop
    the job: the article keeps its row in `articles`, and the reject says what went wrong."""
    try:
        return compute(), None
    except Exception as e:  # noqa: BLE001 - one article never fails the job
        from apache_beam.metrics import Metrics

        Metrics.counter("rejected", f"{stage}_failed").inc()
        return [], make_reject(article["input_ref"], stage, f"{stage}_failed", f"{type(e).__name__}: {e}",
                               article=article)
