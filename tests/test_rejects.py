"""A branch that raises on one article gives a reject for it, not a failed job."""

import datetime as dt

from transforms.rejects import guarded


def test_guarded_turns_an_exception_into_a_reject():
    article = {"input_ref": "feed.xml#3", "article_id": "abc", "url": "https://x.invalid/a",
               "text": "Texte.", "published_at": dt.datetime(2022, 1, 21, tzinfo=dt.timezone.utc)}

    def boom() -> list:
        raise KeyError("trigger")

    rows, reject = guarded("events", article, boom)
    assert rows == [] and reject is not None
    assert (reject["stage"], reject["reason"], reject["article_id"]) == ("events", "events_failed", "abc")
    assert "KeyError" in reject["detail"]
    rows, reject = guarded("events", article, lambda: [{"event_id": "e1"}])
    assert rows == [{"event_id": "e1"}] and reject is None
