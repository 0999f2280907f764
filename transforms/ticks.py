"""A clock for streaming mode: one tick per poll interval, until a deadline or a stop file.

Beam's PeriodicImpulse ticks until a timestamp fixed when the pipeline is
built. vigie also needs to stop *gracefully* on request (Ctrl-C, SIGTERM, an
operator's `touch`): when the tick source ends, the watermark goes to the end
of time, every open window fires its last pane and the job finishes with
everything it received written. So this splittable DoFn checks, each time it
wakes (at least every `CHECK_EVERY_S`), whether the stop file exists or the
deadline has passed, and then ends its restriction.

Ticks missed while the job starts or is busy are skipped (the next tick is
the current one), so a slow start never turns into a burst of polls.
Ticks carry their fire time as element timestamp and advance the watermark,
which is what downstream event-time timers (dedup expiry) and windows run on.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import apache_beam as beam
from apache_beam.io.restriction_trackers import OffsetRange, OffsetRestrictionTracker
from apache_beam.io.watermark_estimators import ManualWatermarkEstimator
from apache_beam.transforms.window import TimestampedValue
from apache_beam.utils.timestamp import Timestamp

# Longest sleep between two looks at the stop file and the deadline (seconds).
CHECK_EVERY_S = 1.0
# Restriction size when there is no deadline: ~ 3,000 years of 1 s ticks.
_FOREVER = 10**11


@dataclass(frozen=True)
class Clock:
    """When ticks fire: from `start`, every `interval_s`, until `deadline` or `stop_file` exists."""

    start: float
    interval_s: float
    deadline: float | None = None  # epoch seconds; None: until stopped
    stop_file: str | None = None

    def tick_time(self, index: int) -> float:
        return self.start + index * self.interval_s

    def due_index(self, now: float) -> int:
        """The latest tick whose time has come (0 before the start)."""
        return max(0, math.floor((now - self.start) / self.interval_s))

    def ticks(self) -> int:
        """How many ticks the clock can give (the restriction's size)."""
        if self.deadline is None:
            return _FOREVER
        return max(1, math.ceil((self.deadline - self.start) / self.interval_s))

    def stopped(self, now: float) -> bool:
        if self.deadline is not None and now >= self.deadline:
            return True
        return bool(self.stop_file) and os.path.exists(self.stop_file)


class _TickRestrictions(beam.transforms.core.RestrictionProvider):
    def initial_restriction(self, clock: Clock) -> OffsetRange:
        return OffsetRange(0, clock.ticks())

    def create_tracker(self, restriction: OffsetRange) -> OffsetRestrictionTracker:
        return OffsetRestrictionTracker(restriction)

    def restriction_size(self, clock: Clock, restriction: OffsetRange) -> int:
        return 8 * max(0, min(restriction.stop, math.floor((time.time() - clock.start) / clock.interval_s))
                       - restriction.start)

    def truncate(self, clock: Clock, restriction: OffsetRange) -> None:
        return None  # on drain: no more ticks


_RESTRICTIONS = _TickRestrictions()
_WATERMARKS = ManualWatermarkEstimator.default_provider()


class _TickFn(beam.DoFn):
    @beam.DoFn.unbounded_per_element()
    def process(
        self,
        clock: Clock,
        tracker: Any = beam.DoFn.RestrictionParam(_RESTRICTIONS),
        watermark: Any = beam.DoFn.WatermarkEstimatorParam(_WATERMARKS),
    ) -> Iterator[TimestampedValue]:
        index = tracker.current_restriction().start
        while True:
            now = time.time()
            if clock.stopped(now):
                # Claiming past the end finishes the restriction: the watermark goes to the end of time.
                tracker.try_claim(tracker.current_restriction().stop)
                return
            # Ticks missed while the job was starting or busy are skipped, not fired in a burst:
            # a tick means "poll now", and backoff and politeness count in ticks.
            index = max(index, clock.due_index(now))
            fire = clock.tick_time(index)
            if fire > now:
                wake = min(fire, now + CHECK_EVERY_S)
                current = watermark.current_watermark()
                if current is None or Timestamp.of(wake) > current:
                    watermark.set_watermark(Timestamp.of(min(fire, wake)))
                tracker.defer_remainder(Timestamp.of(wake))
                return
            if not tracker.try_claim(index):
                return
            current = watermark.current_watermark()
            if current is None or Timestamp.of(fire) > current:
                watermark.set_watermark(Timestamp.of(fire))
            yield TimestampedValue(index, fire)
            index += 1


class Ticks(beam.PTransform):
    """An unbounded PCollection of tick numbers (0, 1, …), timestamped with their fire time."""

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.clock = clock

    def expand(self, pbegin: beam.pvalue.PBegin) -> beam.PCollection:
        return (
            pbegin
            | "Clock" >> beam.Create([self.clock])
            | "Tick" >> beam.ParDo(_TickFn())
        )
