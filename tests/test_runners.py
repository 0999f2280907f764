"""The engines: the same pipeline on FnApiRunner, Prism and Apache Flink gives the same rows;
the Dataflow flex template is checked as far as it can be without Google Cloud.

What each test needs is fetched or built through the Makefile (`make prism`, `make flink-jar`,
`make deploy-lint`, `make dataflow-deps`, deploy/flink/cluster.sh); a test skips only when the
tool behind it (Go, Java, Maven) is absent. Select them with `-m flink` / `-m "not flink"`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import runners
from pipeline.cli import DEFAULT_RUNNER, main, make_options
from tests.conftest import ROOT, SAMPLES, SEED

DEPLOY = ROOT / "deploy"
DATAFLOW = DEPLOY / "dataflow"
FLINK_SCRIPTS = DEPLOY / "flink"
GCP_SITE = runners.CACHE / "gcp-site"
# The LOOPBACK worker's gRPC reader thread ends with CANCELLED when a portable job server shuts down.
QUIET_WORKER = pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")


def _make(*targets: str, **env: str) -> None:
    """Run `make TARGET…` in the project (what a developer would type), failing with its output."""
    proc = subprocess.run(["make", "--no-print-directory", *targets], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=1800)
    assert proc.returncode == 0, f"make {' '.join(targets)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"


def _need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} on PATH (absent on this machine)")


def sample_inputs() -> list[str]:
    """`make run`'s bundled sample: our samples, plus the seed article when ../shared is there."""
    inputs = [str(SAMPLES / n) for n in ("articles.jsonl", "feed.xml", "depeche.txt", "page.html")]
    return inputs + ([str(SEED)] if SEED.exists() else [])


def run_cli(out: Path, *flags: str) -> None:
    argv = [a for i in sample_inputs() for a in ("--input", i)] + ["--output", str(out), *flags]
    assert main(argv) == 0


def assert_same_rows(reference: Path, other: Path) -> None:
    diffs = runners.diff_outputs(reference, other)
    assert not diffs, f"{other} differs from {reference}: {diffs}"
    _, articles = runners.table_rows(reference, "articles")
    assert articles, "the reference run wrote no article"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------------ choosing the runner
def _fake_binary(path: Path) -> Path:
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


def test_default_is_prism_with_the_local_binary(tmp_path, monkeypatch):
    prism = _fake_binary(tmp_path / "prism")
    monkeypatch.setenv("VIGIE_PRISM", str(prism))
    assert DEFAULT_RUNNER == "PrismRunner"
    args = runners.engine_args(["--input", "x"], DEFAULT_RUNNER)
    assert args[-3:] == ["--runner=PrismRunner", f"--prism_location={prism}", "--prism_log_level=warn"]
    opts = make_options(["--input", "x"]).get_all_options()
    assert opts["runner"] == "PrismRunner" and opts["prism_location"] == str(prism)


def test_without_prism_falls_back_to_fnapi_saying_so_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VIGIE_PRISM", str(tmp_path / "absent"))
    args = runners.engine_args(["--input", "x"], DEFAULT_RUNNER)
    assert args[-1] == "--runner=FnApiRunner"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "make prism" in err and "FnApiRunner" in err


def test_explicit_runner_and_flags_are_respected(tmp_path, monkeypatch):
    prism = _fake_binary(tmp_path / "prism")
    jar = tmp_path / "job-server.jar"
    jar.write_bytes(b"")
    monkeypatch.setenv("VIGIE_PRISM", str(prism))
    monkeypatch.setenv("VIGIE_FLINK_JOB_SERVER", str(jar))
    assert runners.engine_args(["--runner", "FnApiRunner"]) == ["--runner", "FnApiRunner"]
    # DirectRunner tries Prism first: give it the local binary so it never downloads one.
    assert f"--prism_location={prism}" in runners.engine_args(["--runner=DirectRunner"])
    assert runners.engine_args(["--runner=prism", "--prism_location=/p", "--prism_log_level=info"]) == [
        "--runner=prism", "--prism_location=/p", "--prism_log_level=info"]
    assert runners.engine_args(["--runner", "FlinkRunner"])[-1] == f"--flink_job_server_jar={jar}"
    assert runners.engine_args(["--runner=FlinkRunner", "--flink_job_server_jar=/j"])[-1] == "--flink_job_server_jar=/j"
    assert runners.engine_args(["--runner=DataflowRunner"]) == ["--runner=DataflowRunner"]
    assert runners.runner_key("apache_beam.runners.portability.prism_runner.PrismRunner") == "prism"


# ------------------------------------------------------------------ the sample on every engine
@pytest.fixture(scope="module")
def prism_binary() -> Path:
    """The Prism binary, built by `make prism` (Go module proxy) when it is not there yet."""
    if runners.find_prism() is None:
        _need("go")
        _make("prism")
    prism = runners.find_prism()
    assert prism is not None, f"make prism did not leave {runners.PRISM_BIN}"
    return prism


@pytest.fixture(scope="module")
def flink_job_server() -> Path:
    """The Beam Flink job server jar, from Maven Central by `make flink-jar`."""
    if runners.find_flink_job_server() is None:
        _need("java", "mvn")
        _make("flink-jar")
    jar = runners.find_flink_job_server()
    assert jar is not None, "make flink-jar did not leave the job server jar"
    return jar


@pytest.fixture(scope="module")
def reference_output(tmp_path_factory) -> Path:
    """The sample on FnApiRunner (Beam's in-process portable runner): what the others must match."""
    out = tmp_path_factory.mktemp("fnapi") / "out"
    run_cli(out, "--runner=FnApiRunner")
    return out


@pytest.mark.slow
@QUIET_WORKER
def test_sample_on_prism_gives_the_same_rows(reference_output, prism_binary, tmp_path):
    out = tmp_path / "out"
    run_cli(out)  # no --runner: the default local runner, Prism from .cache/bin
    assert make_options([]).get_all_options()["runner"] == "PrismRunner"
    assert_same_rows(reference_output, out)


@pytest.mark.slow
@pytest.mark.flink
@QUIET_WORKER
def test_sample_on_flink_gives_the_same_rows(reference_output, flink_job_server, tmp_path):
    out = tmp_path / "out"
    run_cli(out, "--runner=FlinkRunner", f"--flink_job_server_jar={flink_job_server}",
            "--flink_master=[local]", "--environment_type=LOOPBACK")
    assert_same_rows(reference_output, out)


@pytest.fixture(scope="module")
def flink_cluster(tmp_path_factory, flink_job_server):
    """A standalone Flink cluster (JobManager and TaskManager processes) on 127.0.0.1, free ports."""
    _need("java")
    run_dir = tmp_path_factory.mktemp("flink-cluster")
    rest = _free_port()
    env = {**os.environ, "PYTHON": sys.executable, "FLINK_RUN_DIR": str(run_dir),
           "FLINK_REST_PORT": str(rest), "FLINK_RPC_PORT": str(_free_port())}
    script = str(FLINK_SCRIPTS / "cluster.sh")
    start = subprocess.run([script, "start"], env=env, capture_output=True, text=True, timeout=900)
    try:
        logs = "\n".join(p.read_text()[-2000:] for p in (run_dir / "log").glob("*.log"))
        assert start.returncode == 0, f"cluster did not start:\n{start.stdout}\n{start.stderr}\n{logs}"
        yield f"localhost:{rest}"
    finally:
        subprocess.run([script, "stop"], env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
@pytest.mark.flink
@QUIET_WORKER
@pytest.mark.parametrize("environment", ["LOOPBACK", "PROCESS"])
def test_sample_on_a_standalone_flink_cluster_gives_the_same_rows(reference_output, flink_job_server,
                                                                  flink_cluster, environment, tmp_path):
    """LOOPBACK: the Python worker is this process. PROCESS, as on a real cluster: the TaskManager
    starts Beam's boot program, which starts the Python workers."""
    out = tmp_path / "out"
    env_flags = ["--environment_type=LOOPBACK"]
    if environment == "PROCESS":
        boot = runners.BOOT_BIN
        if not boot.is_file():
            _need("go")
            _make("boot")
        env_flags = ["--environment_type=PROCESS", f"--environment_config={runners.process_environment(boot=boot)}"]
    run_cli(out, "--runner=FlinkRunner", f"--flink_job_server_jar={flink_job_server}",
            f"--flink_master={flink_cluster}", "--parallelism=2", *env_flags)
    assert_same_rows(reference_output, out)


def test_process_environment_starts_this_python_with_vigie():
    config = json.loads(runners.process_environment("/opt/py/bin/python", "/b/boot"))
    assert config["command"] == "/b/boot"
    assert config["env"]["PATH"].split(os.pathsep)[0] == "/opt/py/bin"
    assert config["env"]["PYTHONPATH"] == str(ROOT)


def test_compare_reports_a_difference(reference_output, tmp_path, capsys):
    copy = tmp_path / "out"
    shutil.copytree(reference_output, copy)
    assert runners.main(["compare", str(reference_output), str(copy)]) == 0
    next((copy / "rejects").rglob("*.parquet")).unlink()
    assert runners.main(["compare", str(reference_output), str(copy)]) == 1
    assert "rejects:" in capsys.readouterr().out


# --------------------------------------------------------------------------- Dataflow template
def _metadata() -> dict:
    return json.loads((DATAFLOW / "metadata.json").read_text())


def _vigie_options() -> dict[str, object]:
    import argparse

    from pipeline.options import VigieOptions

    parser = argparse.ArgumentParser()
    VigieOptions._add_argparse_args(parser)
    return {a.dest: a.default for a in parser._actions if a.dest != "help"}


def _template():
    sys.path.insert(0, str(DATAFLOW))
    try:
        import main as template  # deploy/dataflow/main.py
    finally:
        sys.path.remove(str(DATAFLOW))
    return template


def test_metadata_describes_every_pipeline_parameter():
    meta = _metadata()
    params = {p["name"]: p for p in meta["parameters"]}
    ours = _vigie_options()
    assert set(ours) <= set(params), f"undocumented: {set(ours) - set(params)}"
    known = _template().known_options()
    for name, p in params.items():
        assert f"--{name}" in known, f"metadata.json names {name!r}, which no pipeline option defines"
        assert p["label"] and p["helpText"], name
        assert p["isOptional"] == (name not in ("input", "output")), name
        default = ours.get(name) if p["isOptional"] else None
        if default is not None:  # the documented default is the option's
            shown = f"{default:g}" if isinstance(default, float) else str(default)
            assert f"Default: {shown}." in p["helpText"], (name, default)
        for rx in p.get("regexes", []):
            if default is not None:
                assert re.fullmatch(rx, str(default if not isinstance(default, float) else f"{default:g}")), name
    good = {"input": "gs://b-1/feeds/*.xml;https://example.org/rss?a=1", "output": "gs://vigie-bucket/out",
            "streaming": "true", "nlp_batch_size": "32", "fetch_timeout": "7.5"}
    bad = {"input": "a b", "output": "/local/out", "streaming": "yes", "nlp_batch_size": "0"}
    for name, value in good.items():
        assert any(re.fullmatch(rx, value) for rx in params[name]["regexes"]), (name, value)
    for name, value in bad.items():
        assert not any(re.fullmatch(rx, value) for rx in params[name]["regexes"]), (name, value)


def test_template_arguments_become_pipeline_arguments():
    t = _template()
    argv = t.template_argv(["--input=gs://b/a.xml; https://x.fr/rss", "--output=gs://b/o", "--streaming=true",
                            "--enable_streaming_engine=false", "--nlp_batch_size=8"])
    assert argv == ["--input=gs://b/a.xml", "--input=https://x.fr/rss", "--output=gs://b/o", "--streaming",
                    "--nlp_batch_size=8", "--runner=DataflowRunner"]
    from apache_beam.options.pipeline_options import PipelineOptions

    from pipeline.options import VigieOptions

    vigie = PipelineOptions(argv).view_as(VigieOptions)
    assert vigie.input == ["gs://b/a.xml", "https://x.fr/rss"] and vigie.nlp_batch_size == 8


def test_dockerfile_matches_the_project():
    import apache_beam

    text = (DATAFLOW / "Dockerfile").read_text()
    args = dict(re.findall(r"^ARG (\w+)=(\S+)$", text, re.M))
    assert args["BEAM_VERSION"] == apache_beam.__version__
    assert args["PYTHON_VERSION"] == f"{sys.version_info.major}.{sys.version_info.minor}"
    assert f"python{args['PYTHON_VERSION'].replace('.', '')}-template-launcher" in args["LAUNCHER_IMAGE"]
    assert "FROM apache/beam_python${PYTHON_VERSION}_sdk:${BEAM_VERSION}" in text
    setup = (ROOT / "setup.py").read_text()
    packages = re.search(r"packages=\[([^\]]*)\]", setup).group(1)
    for pkg in re.findall(r'"(\w+)"', packages):
        assert f"COPY {pkg}/ {pkg}/" in text, f"the image misses package {pkg}"
    for src in re.findall(r"^COPY (?!--)(.+) \S+$", text, re.M):
        for path in src.split():
            assert (ROOT / path).exists(), f"COPY {path}: no such file in the project"
    assert "ENV FLEX_TEMPLATE_PYTHON_PY_FILE=/template/main.py" in text
    assert "COPY deploy/dataflow/main.py main.py" in text
    assert 'ENTRYPOINT ["/opt/apache/beam/boot"]' in text
    assert "fr_core_news_md" in text


def test_deploy_scripts_and_dockerfile_pass_the_linters():
    _make("deploy-lint")


def _flex(*args: str, tmp_path: Path) -> list[list[str]]:
    """The gcloud commands deploy/dataflow/flex-template.sh runs (DRY_RUN=1), each as argv."""
    import shlex

    env = {**os.environ, "DRY_RUN": "1", "PROJECT": "vigie-project", "TAG": "t1"}
    proc = subprocess.run([str(DATAFLOW / "flex-template.sh"), *args], env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    return [shlex.split(line) for line in proc.stdout.splitlines() if line.startswith("gcloud ")]


def _parameters(cmd: list[str]) -> dict[str, str]:
    raw = cmd[cmd.index("--parameters") + 1]
    assert raw.startswith("^~^")
    return dict(p.split("=", 1) for p in raw[3:].split("~"))


def test_flex_template_script_builds_and_runs(tmp_path):
    build, spec = _flex("build", tmp_path=tmp_path)
    image = "europe-west1-docker.pkg.dev/vigie-project/vigie/vigie:t1"
    assert build[:3] == ["gcloud", "builds", "submit"] and f"_IMAGE={image}" in build
    assert str(DATAFLOW / "cloudbuild.yaml") in build
    assert spec[:4] == ["gcloud", "dataflow", "flex-template", "build"]
    assert spec[spec.index("--metadata-file") + 1] == str(DATAFLOW / "metadata.json")
    assert spec[spec.index("--image") + 1] == image and "PYTHON" in spec

    [batch] = _flex("run", "--input", "gs://vigie-project-vigie/feeds/*.xml", "--input", "https://x.fr/rss?a=1,2",
                    tmp_path=tmp_path)
    [stream] = _flex("run", "--input", "gs://vigie-project-vigie/feeds/*.xml", "--streaming", tmp_path=tmp_path)
    assert "--enable-streaming-engine" in stream and "--enable-streaming-engine" not in batch
    params = _parameters(batch)
    assert params["input"] == "gs://vigie-project-vigie/feeds/*.xml;https://x.fr/rss?a=1,2"
    assert params["sdk_container_image"] == image
    assert _parameters(stream)["streaming"] == "true"
    known = _template().known_options()
    declared = {p["name"] for p in _metadata()["parameters"]}
    for name in list(params) + list(_parameters(stream)):
        assert name in declared or f"--{name}" in known, name


@pytest.fixture(scope="module")
def gcp_site() -> Path:
    """apache-beam[gcp]'s client libraries beside the environment (deploy/dataflow/gcp-site.sh)."""
    if not (GCP_SITE / ".installed-stamp").exists():
        proc = subprocess.run([str(DATAFLOW / "gcp-site.sh"), sys.executable, str(GCP_SITE), _beam_version()],
                              capture_output=True, text=True, timeout=1200)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return GCP_SITE


def _beam_version() -> str:
    import apache_beam

    return apache_beam.__version__


_DRY_RUN = """
import json, sys
sys.path.insert(0, sys.argv[1])
import main as template
from apache_beam.runners.dataflow.internal import apiclient
result = template.run(sys.argv[2:])
job = result.job
env = apiclient.Environment([], job.options, "8", None, job.proto_pipeline)
opts = job.options.get_all_options(drop_default=True)
print(json.dumps({
    "job_type": env.proto.version["job_type"],
    "experiments": list(env.proto.experiments),
    "images": [i.container_image for wp in env.proto.worker_pools for i in wp.sdk_harness_container_images],
    "transforms": len(job.proto_pipeline.components.transforms),
    "polls": any(t.unique_name.startswith("Sources/Poll")
                 for t in job.proto_pipeline.components.transforms.values()),
    "input": opts.get("input"), "output": opts.get("output"),
}))
"""


@pytest.mark.slow
def test_flex_template_builds_the_dataflow_job_offline(gcp_site, tmp_path):
    """What the launcher does on Google Cloud, minus the submission (--dry_run): the script's
    parameters through the template's entry point to a Dataflow job (batch, then streaming)."""
    jobs = {}
    for mode, extra in (("batch", ()), ("streaming", ("--streaming",))):
        [run] = _flex("run", "--input", "gs://vigie-project-vigie/feeds/*.xml;https://x.fr/rss", *extra,
                      tmp_path=tmp_path)
        launcher_args = [f"--{k}={v}" for k, v in _parameters(run).items()]
        if "--enable-streaming-engine" in run:
            launcher_args.append("--enable_streaming_engine")
        launcher_args += ["--project=vigie-project", "--region=europe-west1", "--job_name=vigie-dry-run",
                          "--temp_location=gs://vigie-project-vigie/tmp", "--no_auth", "--dry_run=True"]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(gcp_site)])}
        proc = subprocess.run([sys.executable, "-c", _DRY_RUN, str(DATAFLOW), *launcher_args], env=env,
                              capture_output=True, text=True, timeout=300, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr[-4000:]
        jobs[mode] = json.loads(proc.stdout.strip().splitlines()[-1])
    image = "europe-west1-docker.pkg.dev/vigie-project/vigie/vigie:t1"
    assert jobs["batch"]["job_type"] == "FNAPI_BATCH"
    assert jobs["streaming"]["job_type"] == "FNAPI_STREAMING"
    assert "enable_streaming_engine" in jobs["streaming"]["experiments"]
    assert jobs["streaming"]["polls"] and not jobs["batch"]["polls"]  # the streaming graph (build_streaming)
    for job in jobs.values():
        assert job["images"] == [image]
        assert job["input"] == ["gs://vigie-project-vigie/feeds/*.xml", "https://x.fr/rss"]
        assert job["output"] == "gs://vigie-project-vigie/vigie/out"
        assert job["transforms"] > 20


# ------------------------------------------------------------------ the sample, streamed
STREAM_FLAGS = ("--streaming", "--poll-interval=2", "--write-window=2", "--max-runtime=30")


@pytest.mark.slow
@QUIET_WORKER
def test_sample_streamed_on_prism_gives_the_batch_rows(reference_output, prism_binary, tmp_path):
    """Streaming mode watching the sample files: the same rows as batch mode, once each."""
    out = tmp_path / "out"
    run_cli(out, *STREAM_FLAGS)
    assert_same_rows(reference_output, out)


@pytest.mark.slow
@pytest.mark.flink
@QUIET_WORKER
def test_sample_streamed_on_flink_gives_the_batch_rows(reference_output, flink_job_server, tmp_path):
    out = tmp_path / "out"
    run_cli(out, "--runner=FlinkRunner", f"--flink_job_server_jar={flink_job_server}",
            "--flink_master=[local]", "--environment_type=LOOPBACK", *STREAM_FLAGS)
    assert_same_rows(reference_output, out)
    empty = [f for f in out.rglob("*.parquet") if pq.ParquetFile(f).metadata.num_rows == 0]
    assert empty == []  # Flink fires empty closing panes: they write no file
