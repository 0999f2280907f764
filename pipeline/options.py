"""Command-line options of the vigie pipeline, as a Beam PipelineOptions subclass."""

from __future__ import annotations

import argparse
import re

from apache_beam.options.pipeline_options import PipelineOptions

_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?\s*", re.IGNORECASE)
_UNIT_S = {"ms": 0.001, "s": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0, "d": 86400.0}


def duration(text: str) -> float:
    """'90' or '90s', '15m', '2h', '7d' -> seconds (an argparse type)."""
    m = _DURATION.fullmatch(str(text))
    if not m:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (examples: 90, 90s, 15m, 2h, 7d)")
    seconds = float(m.group(1)) * _UNIT_S[(m.group(2) or "s").lower()]
    if seconds <= 0:
        raise argparse.ArgumentTypeError(f"a duration must be positive: {text!r}")
    return seconds


def home_country(text: str) -> str | None:
    """'FRA' (an ISO 3166 alpha-3 code, any case) or 'none' (an argparse type)."""
    code = str(text).strip().upper()
    if code == "NONE":
        return None
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise argparse.ArgumentTypeError(f"not an ISO 3166 alpha-3 country code: {text!r} (examples: FRA, BEL, "
                                         "CHE, CAN, or none)")
    return code


class VigieOptions(PipelineOptions):
    """vigie's own options; every other flag is passed to Beam as usual."""

    @classmethod
    def _add_argparse_args(cls, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--input", action="append", default=None,
            help="Feed URL (http/https), feed file, or article files glob (.txt, .jsonl, .html, "
                 ".xml/.rss/.atom). Repeat for several inputs.")
        parser.add_argument("--output", default="out", help="Output folder (local path or gs://…).")
        parser.add_argument("--model", default="fr_core_news_md", help="spaCy model package.")
        parser.add_argument("--fetch_timeout", type=float, default=20.0,
                            help="Seconds before a feed request is abandoned.")
        parser.add_argument("--max_input_bytes", type=int, default=20_000_000,
                            help="Largest feed or file read; larger ones are rejected as too_large.")
        parser.add_argument("--allow_private_hosts", action="store_true", default=False,
                            help="Also fetch URLs whose host is a loopback, private or link-local address, "
                                 "and file:// URLs (refused by default: blocked_url).")
        parser.add_argument("--nlp_batch_size", type=int, default=64,
                            help="Largest number of articles parsed in one nlp.pipe batch.")
        parser.add_argument("--home_country", "--home-country", dest="home_country", type=home_country,
                            default="FRA",
                            help="Country of the news sources (ISO3, default FRA): the country of roles "
                                 "(« les députés », « le parquet ») and implicit agents in an article "
                                 "that names none; 'none' leaves them unresolved.")

        # Streaming mode (--streaming; README "Streaming"). Durations take 90, 90s, 15m, 2h, 7d.
        parser.add_argument("--poll_interval", "--poll-interval", dest="poll_interval", type=duration,
                            default=60.0,
                            help="Streaming: time between two polls of each feed and two looks at each "
                                 "watched folder (one request per feed per interval at most).")
        parser.add_argument("--write_window", "--write-window", dest="write_window", type=duration,
                            default=60.0,
                            help="Streaming: rows of a partition are written at most this long after "
                                 "they arrive, one file per partition per write (see `compact`).")
        parser.add_argument("--allowed_lateness", "--allowed-lateness", dest="allowed_lateness",
                            type=duration, default=2 * 86400.0,
                            help="Streaming: how long a day's window stays open after the day ends.")
        parser.add_argument("--dedup_ttl", "--dedup-ttl", dest="dedup_ttl", type=duration,
                            default=7 * 86400.0,
                            help="Streaming: an item is remembered this long after it was last seen "
                                 "(bounds the de-duplication state).")
        parser.add_argument("--max_runtime", "--max-runtime", dest="max_runtime", type=duration,
                            default=None,
                            help="Streaming: stop after this long, with everything received written "
                                 "(default: run until Ctrl-C, SIGTERM or the stop file).")
        parser.add_argument("--stop_file", "--stop-file", dest="stop_file", default=None,
                            help="Streaming: the job stops gracefully when this file appears "
                                 "(local runs; Ctrl-C creates it).")
        parser.add_argument("--file_settle", "--file-settle", dest="file_settle", type=duration,
                            default=1.0,
                            help="Streaming: a watched file is read once it has not changed for this long.")
