"""`python -m pipeline --streaming …`: run until stopped, and stop without losing anything.

A graceful stop means: no more polls, every open window fires its last pane,
every file is written, then exit. The tick source ends when its stop file
appears or `--max_runtime` has passed (transforms/ticks.py); the rest follows
from the watermark. On a local runner this module makes Ctrl-C and SIGTERM
create that stop file:

- the pipeline runs in a child process in its own session, so the terminal's
  Ctrl-C (sent to the whole foreground process group) does not kill the
  child or the Prism process it starts;
- this parent catches SIGINT/SIGTERM, creates the stop file and waits for
  the child; a second Ctrl-C kills the child's whole session at once (what
  was already written stays readable: files appear only when complete).

On Flink and Dataflow, stop with the engine's own drain (Dataflow "Drain",
`flink stop --drain`): the tick source's `truncate` ends it the same way.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from typing import Any

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions, PortableOptions, StandardOptions

from pipeline.options import VigieOptions

CHILD_ENV = "VIGIE_STREAMING_CHILD"
FOREVER_S = 10 * 365 * 86400  # "no deadline" for the job service's state stream
LOCAL_RUNNERS = ("prism", "direct", "switchingdirect")
# Runners that cannot run vigie's streaming graph (no processing-time triggers).
NO_STREAMING = ("fnapi", "bundlebased")


def _runner(options: PipelineOptions) -> str:
    from pipeline.runners import runner_key

    return runner_key(str(options.view_as(StandardOptions).runner or ""))


def run_job(options: PipelineOptions) -> beam.runners.runner.PipelineResult:
    """Build the streaming graph and run it to its end (stop file, max runtime, drain)."""
    from pipeline.build import build_streaming

    vigie = options.view_as(VigieOptions)
    p = beam.Pipeline(options=options)
    build_streaming(p, vigie)
    result = p.run()
    result.wait_until_finish()
    return result


def supervise(argv: Sequence[str], stop_file: str) -> int:
    """Run the job in a child process; Ctrl-C/SIGTERM create `stop_file`; returns its exit code."""
    child = subprocess.Popen([sys.executable, "-m", "pipeline", *argv, f"--stop_file={stop_file}"],
                             env={**os.environ, CHILD_ENV: "1"}, start_new_session=True)
    asked = {"n": 0}

    def on_signal(signum: int, _frame: Any) -> None:
        asked["n"] += 1
        if asked["n"] == 1:
            with open(stop_file, "w") as fh:
                fh.write(f"stop asked by signal {signum} at {time.time():.0f}\n")
            print("vigie: stopping — writing everything received so far (Ctrl-C again to abort)",
                  file=sys.stderr, flush=True)
        else:
            print("vigie: aborting", file=sys.stderr, flush=True)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        while True:
            try:
                return child.wait()
            except InterruptedError:
                continue
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)


def run_streaming(argv: Sequence[str], options: PipelineOptions) -> int:
    """Entry point of `--streaming` runs (pipeline/cli.py)."""
    from pipeline.summary import print_summary

    vigie = options.view_as(VigieOptions)
    runner = _runner(options)
    if runner in NO_STREAMING:
        print(f"error: --streaming needs a streaming runner: Prism (`make prism`, the default), "
              f"Flink or Dataflow, not {options.view_as(StandardOptions).runner}", file=sys.stderr)
        return 2
    if runner in LOCAL_RUNNERS and not os.environ.get(CHILD_ENV) and not vigie.stop_file:
        folder = tempfile.mkdtemp(prefix="vigie-stream-")
        stop_file = os.path.join(folder, "stop")
        print(f"vigie: streaming from {len(vigie.input or [])} input(s) into {vigie.output}, polling every "
              f"{vigie.poll_interval:g}s; Ctrl-C (or `touch {stop_file}`) stops after writing everything",
              file=sys.stderr, flush=True)
        code = supervise(argv, stop_file)
        if code == 0 and "://" not in vigie.output:
            print_summary(vigie.output)
        return code
    portable = options.view_as(PortableOptions)
    if not any(a.startswith(("--job_server_timeout", "--job-server-timeout")) for a in argv):
        # Beam's portable client opens the job's state stream with this timeout as its gRPC
        # deadline: at the default 300 s a streaming job on Prism is torn down after 5 minutes.
        portable.job_server_timeout = int(vigie.max_runtime + 600) if vigie.max_runtime else FOREVER_S
    start = time.monotonic()
    run_job(options)
    print(f"vigie: streaming job ended on {options.view_as(StandardOptions).runner} "
          f"after {time.monotonic() - start:.1f}s")
    return 0
