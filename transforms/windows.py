"""Event-time windows for streaming writes: one window per day, the day of the row's `date`.

Every table is partitioned by `date=` (publication day for articles and
entities, the event's day for events, the rejection day for rejects), so the
natural event-time window is that day: a row is stamped inside its day and
windowed by day, and each window's panes write files into that day's
partitions only.

- Early panes fire `write_every_s` after the first row of a pane arrives
  (processing time): new rows reach Parquet within one write window.
- Allowed lateness `lateness_s`: a day stays open that long after it ends,
  so an article published late on the 20th and read on the 21st still goes
  to `date=…-20`. Rows whose day closed longer ago than half the lateness
  are stamped now instead, so Beam never drops them as too late; their
  `date=` partition is still their own day (it comes from the row, not the
  window), and `windows.stamped_now` counts them. Rows dated in the future
  (an event announced for next week) are stamped now too.
- Panes discard what they fired: each pane writes only its new rows, in its
  own file (`sinks.file_name` puts the day and the pane index in the name).
Rows without a trustworthy date already carry the ingestion day and say so
(`published_at_status`): that is the processing-time case.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from typing import Any

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.transforms import trigger, window
from apache_beam.utils.timestamp import Duration

DAY_S = 86400


def row_timestamp(row: dict[str, Any], now: float, lateness_s: float) -> tuple[float, bool]:
    """Event time for a row (seconds since the epoch) and whether it is its own day's.

    Noon of the row's `date`, but never in the future (today's rows get `now`), and `now`
    when the day closed more than half the allowed lateness ago or the date is missing.
    """
    text = str(row.get("date") or "")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return now, False
    start = dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()
    if start > now:
        return now, False
    if start + DAY_S + lateness_s / 2 < now:
        return now, False
    return min(start + DAY_S / 2, now), True


class _Stamp(beam.DoFn):
    def __init__(self, lateness_s: float) -> None:
        self.lateness_s = lateness_s
        self.now_stamped = Metrics.counter("windows", "stamped_now")

    def process(self, row: dict[str, Any]) -> Iterable[Any]:
        ts, own_day = row_timestamp(row, time.time(), self.lateness_s)
        if not own_day:
            self.now_stamped.inc()
        yield window.TimestampedValue(row, ts)


class DayWindows(beam.PTransform):
    """Rows to day windows (by their `date`) with early panes every `write_every_s`."""

    def __init__(self, write_every_s: float, lateness_s: float) -> None:
        super().__init__()
        self.write_every_s = write_every_s
        self.lateness_s = lateness_s

    def expand(self, rows: beam.PCollection) -> beam.PCollection:
        every = max(1, round(self.write_every_s))  # the trigger proto takes whole seconds
        return (
            rows
            | "EventTime" >> beam.ParDo(_Stamp(self.lateness_s))
            | "ByDay" >> beam.WindowInto(
                window.FixedWindows(DAY_S),
                trigger=trigger.AfterWatermark(early=trigger.AfterProcessingTime(every),
                                               late=trigger.AfterProcessingTime(every)),
                allowed_lateness=Duration(seconds=self.lateness_s),
                accumulation_mode=trigger.AccumulationMode.DISCARDING)
        )
