"""Dataflow flex template entry point (FLEX_TEMPLATE_PYTHON_PY_FILE in the Dockerfile).

The template launcher runs `python main.py --input=… --output=… --<Beam option>=…` with the
parameters of metadata.json and the job's Dataflow options. This submits the same pipeline as
`python -m pipeline` (pipeline.build.build_pipeline, or build_streaming with
streaming=true) and returns without waiting for the job:
a flex template launch ends once the job is created.

Differences from the CLI, because a template parameter is a single `name=value`:
- `input` may list several inputs separated by `;` (`gs://b/feeds/*.xml;https://x.fr/rss`);
- a Beam on/off flag may be given as `streaming=true` (becomes `--streaming`) or `=false`;
- `--runner` defaults to DataflowRunner.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

INPUT_SEPARATOR = ";"
TRUE, FALSE = ("true", "yes", "1"), ("false", "no", "0")


def known_options() -> dict[str, bool]:
    """Every option of vigie and Beam, `--name` -> whether it is an on/off flag (takes no value)."""
    from apache_beam.options.pipeline_options import PipelineOptions, _BeamArgumentParser

    import pipeline.options  # noqa: F401 - registers VigieOptions

    parser = _BeamArgumentParser(allow_abbrev=False)
    seen: dict[str, type] = {}
    for cls in PipelineOptions.__subclasses__():
        seen.setdefault(str(cls), cls)
    for cls in seen.values():
        cls._add_argparse_args(parser)  # noqa: SLF001 - how Beam itself lists its options
    return {s: a.nargs == 0 for a in parser._actions for s in a.option_strings  # noqa: SLF001
            if s.startswith("--")}


def template_argv(argv: Sequence[str]) -> list[str]:
    """The launcher's arguments as the pipeline's: `--input=a;b` becomes `--input=a --input=b`."""
    out: list[str] = []
    args = list(argv)
    flags = {k for k, on_off in known_options().items() if on_off}
    i = 0
    while i < len(args):
        arg = args[i]
        value = None
        if arg == "--input" and i + 1 < len(args):
            value, i = args[i + 1], i + 1
        elif arg.startswith("--input="):
            value = arg.split("=", 1)[1]
        name, _, given = arg.partition("=")
        if value is None and name in flags and given:
            if given.lower() in TRUE:
                out.append(name)
            elif given.lower() not in FALSE:
                raise SystemExit(f"error: {name} takes true or false, not {given!r}")
        elif value is None:
            out.append(arg)
        else:
            out += [f"--input={v.strip()}" for v in value.split(INPUT_SEPARATOR) if v.strip()]
        i += 1
    if not any(a == "--runner" or a.startswith("--runner=") for a in out):
        out.append("--runner=DataflowRunner")
    return out


def run(argv: Sequence[str], wait: bool = False):  # noqa: ANN201 - a Beam PipelineResult
    import apache_beam as beam
    from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

    from pipeline.build import build_pipeline, build_streaming
    from pipeline.options import VigieOptions

    options = PipelineOptions(template_argv(argv))
    vigie = options.view_as(VigieOptions)
    if not vigie.input:
        raise SystemExit("error: the `input` parameter is required")
    p = beam.Pipeline(options=options)
    # Streaming (streaming=true): polls feeds and watches buckets until drained (README "Streaming").
    (build_streaming if options.view_as(StandardOptions).streaming else build_pipeline)(p, vigie)
    result = p.run()
    from apache_beam.options.pipeline_options import TestOptions

    runner = options.view_as(StandardOptions).runner
    if options.view_as(TestOptions).dry_run and getattr(result, "job", None) is not None:
        n = len(result.job.proto_pipeline.components.transforms)
        print(f"vigie template: {runner} job built ({n} transforms), not submitted (--dry_run)")
    elif hasattr(result, "job_id"):
        print(f"vigie template: submitted {runner} job {result.job_id()}")
    if wait:
        result.wait_until_finish()
    return result


if __name__ == "__main__":
    logging.getLogger().setLevel(logging.INFO)
    run(sys.argv[1:])
