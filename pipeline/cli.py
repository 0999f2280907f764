"""`python -m pipeline`: run vigie, then print what it wrote.

    python -m pipeline --input <feed URL | feed file | glob> [--input …] --output out [Beam flags]
    python -m pipeline --streaming --input <feed URL | glob> … --output out [--poll-interval 60]
    python -m pipeline summary --output out
    python -m pipeline compact --output out

Without --runner, vigie runs on Beam's Prism runner from the local binary that
`make prism` builds (pipeline/runners.py), so apache-beam never tries to
download it; without that binary it says so in one line and runs on the
in-process FnApiRunner.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from pipeline.build import build_pipeline
from pipeline.options import VigieOptions
from pipeline.summary import print_summary

# Prism (`make prism` builds it into .cache/bin/prism); FnApiRunner when it is absent
# (pipeline/runners.py, deploy/README.md).
DEFAULT_RUNNER = "PrismRunner"


def _has_flag(argv: Sequence[str], flag: str) -> bool:
    return any(a == flag or a.startswith(flag + "=") for a in argv)


def make_options(argv: Sequence[str]) -> PipelineOptions:
    """Beam options from the command line, with the flags the chosen engine needs locally
    (the Prism binary, the Flink job server jar): see pipeline/runners.py."""
    from pipeline.runners import engine_args

    return PipelineOptions(engine_args(argv, DEFAULT_RUNNER))


def counters_of(result: beam.runners.runner.PipelineResult) -> dict[str, int]:
    out: dict[str, int] = {}
    try:
        for c in result.metrics().query()["counters"]:
            if c.key.metric.namespace.startswith("beam.metric"):
                continue  # runner-internal counters
            key = f"{c.key.metric.namespace}.{c.key.metric.name}"
            out[key] = out.get(key, 0) + int(c.committed or c.attempted or 0)
    except Exception:  # noqa: BLE001 - some runners do not report metrics
        pass
    return out


def run(argv: Sequence[str]) -> int:
    options = make_options(argv)
    vigie = options.view_as(VigieOptions)
    if not vigie.input:
        print("error: give at least one --input (feed URL, feed file or article files glob)",
              file=sys.stderr)
        return 2
    streaming = options.view_as(StandardOptions).streaming
    start = time.monotonic()
    try:
        if streaming:
            from pipeline.stream import run_streaming

            return run_streaming(argv, options)
        p = beam.Pipeline(options=options)
        build_pipeline(p, vigie)
        result = p.run()
        result.wait_until_finish()
    except Exception as e:  # noqa: BLE001 - an unwritable output is one clear line, not a traceback
        message = next((line for line in str(e).splitlines() if "vigie: cannot write" in line), None)
        if message is None:
            raise
        print(message[message.index("vigie: cannot write"):], file=sys.stderr)
        return 1
    elapsed = time.monotonic() - start
    runner = options.view_as(StandardOptions).runner
    print(f"vigie: pipeline finished on {runner} in {elapsed:.1f}s")
    if "://" not in vigie.output:
        print_summary(vigie.output, counters_of(result))
    return 0


def print_help() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline", description="French news in, event data (Parquet) out.",
        epilog="Any Beam flag is accepted too (--runner, --direct_num_workers, --setup_file, …). "
               "'python -m pipeline summary --output DIR' prints what a past run wrote.")
    VigieOptions._add_argparse_args(parser)
    parser.print_help()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "report":
        from pipeline.report import main as report_main

        return report_main(argv[1:])
    if argv and argv[0] == "compact":
        from pipeline.compact import main as compact_main

        return compact_main(argv[1:])
    if argv and argv[0] == "validate":
        from pipeline.validate import main as validate_main

        return validate_main(argv[1:])
    if "-h" in argv or "--help" in argv:
        print_help()
        return 0
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("apache_beam.utils.subprocess_server").setLevel(logging.ERROR)  # "Really starting service"
    if argv and argv[0] == "summary":
        opts = PipelineOptions(argv[1:]).view_as(VigieOptions)
        print_summary(opts.output)
        return 0
    return run(argv)
