"""Command-line options of the vigie pipeline, as a Beam PipelineOptions subclass."""

from __future__ import annotations

from apache_beam.options.pipeline_options import PipelineOptions


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
