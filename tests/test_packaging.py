"""Packaging: what `setup.py` ships is enough for a worker, and the Flink Kubernetes manifest parses.

Flink (PROCESS workers) and Dataflow install vigie from its sdist (`--setup_file ./setup.py`) or
from an image built with `pip install .`, so the sdist must carry every data file the code loads.
`test_sdist_installs_and_runs_in_a_clean_venv` builds the sdist, installs it into a fresh virtual
environment (PyPI for the dependencies; pip's cache makes it ~1-3 min) and runs the pipeline from
a directory outside the checkout, so only the installed copy can be imported.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

K8S = ROOT / "deploy" / "flink" / "k8s"
TABLES = ("articles", "entities", "events")

# Every data file the code loads through lexicons.path() (transforms/gazetteer.py, transforms/lexicon.py).
DATA_FILES = sorted(str(p.relative_to(ROOT / "lexicons")) for p in (ROOT / "lexicons").rglob("*.tsv"))


def _run(cmd: list[str], cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH is dropped so that nothing from the checkout (or the test's own venv) leaks in.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout)
    assert proc.returncode == 0, \
        f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def _build_sdist(dist: Path) -> Path:
    """`python -m build --sdist` when the `build` package is there, else `setup.py sdist`."""
    if importlib.util.find_spec("build") is not None:
        _run([sys.executable, "-m", "build", "--sdist", "--outdir", str(dist), str(ROOT)], cwd=ROOT)
    else:
        _run([sys.executable, "setup.py", "-q", "sdist", "--dist-dir", str(dist)], cwd=ROOT)
    sdists = list(dist.glob("vigie-*.tar.gz"))
    assert len(sdists) == 1, sdists
    return sdists[0]


def test_data_files_are_package_data() -> None:
    """Fast check of the same thing: every .tsv under lexicons/ matches a package_data pattern."""
    import fnmatch
    import re

    text = (ROOT / "setup.py").read_text(encoding="utf-8")
    patterns = re.findall(r'"([^"]*\*[^"]*)"', text.split("package_data", 1)[1].split("}", 1)[0])
    assert DATA_FILES, "no data files found under lexicons/"
    missing = [f for f in DATA_FILES if not any(fnmatch.fnmatch(f, p) for p in patterns)]
    assert not missing, f"not matched by setup.py's package_data {patterns}: {missing}"


@pytest.mark.slow
def test_sdist_installs_and_runs_in_a_clean_venv(tmp_path: Path) -> None:
    import duckdb

    sdist = _build_sdist(tmp_path / "dist")
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    py = venv / "bin" / "python"
    _run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(sdist)],
         cwd=tmp_path, timeout=1800)

    # The installed package, not the checkout: cwd is tmp_path and PYTHONPATH is unset.
    check = (
        "import json, lexicons, pipeline, schemas, transforms\n"
        f"files = {DATA_FILES!r}\n"
        "print(json.dumps({'where': lexicons.__file__,"
        " 'missing': [f for f in files if not lexicons.path(f).is_file()]}))\n"
    )
    where = _run([str(py), "-c", check], cwd=tmp_path).stdout.strip().splitlines()[-1]
    assert '"missing": []' in where, f"data files missing from the installed package: {where}"
    assert str(venv) in where and str(ROOT) not in where, where

    out = tmp_path / "out"
    _run([str(py), "-m", "pipeline", "--runner", "FnApiRunner", "--input", str(SAMPLES / "articles.jsonl"),
          "--input", str(SAMPLES / "feed.xml"), "--output", str(out)], cwd=tmp_path)
    con = duckdb.connect()
    for table in TABLES:
        files = list((out / table).rglob("*.parquet"))
        assert files, f"no {table} Parquet written under {out / table}"
        (rows,) = con.execute(f"SELECT count(*) FROM read_parquet('{out / table}/**/*.parquet', "
                              "hive_partitioning = true)").fetchone()
        assert rows > 0, f"{table}: no rows"

    # the report's world map (bi/assets) ships as package data: an installed copy draws the base map
    html = out / "report.html"
    proc = _run([str(py), "-m", "pipeline", "report", "--output", str(out), "--html", str(html)], cwd=tmp_path)
    assert html.is_file() and html.stat().st_size > 0
    assert "world-110m.topo.json not found" not in proc.stdout + proc.stderr


def test_flink_kubernetes_manifest_parses() -> None:
    """deploy/flink/k8s/flinkdeployment.yaml is valid YAML with the shape the README describes.

    It cannot be applied here (no Kubernetes cluster, no Flink operator, no image registry).
    """
    yaml = pytest.importorskip("yaml")
    docs = [d for d in yaml.safe_load_all((K8S / "flinkdeployment.yaml").read_text(encoding="utf-8")) if d]
    kinds = {d["kind"]: d for d in docs}
    dep = kinds["FlinkDeployment"]
    assert dep["apiVersion"] == "flink.apache.org/v1beta1"
    spec = dep["spec"]
    assert spec["flinkVersion"] == "v1_19" and spec["image"].startswith("flink:1.19")
    containers = spec["taskManager"]["podTemplate"]["spec"]["containers"]
    worker = next(c for c in containers if c["name"] == "beam-worker-pool")
    assert "--worker_pool" in worker["args"]
    assert worker["ports"][0]["containerPort"] == 50000
    job = kinds["Job"]
    assert worker["image"] == job["spec"]["template"]["spec"]["containers"][0]["image"]  # the vigie image
    args = job["spec"]["template"]["spec"]["containers"][0]["args"]
    assert "--environment_type=EXTERNAL" in args and "--environment_config=localhost:50000" in args
