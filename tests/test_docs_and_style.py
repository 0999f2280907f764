"""The README documents every column, and the code is ruff-clean."""

import subprocess
import sys

from schemas.doc import markdown
from tests.conftest import ROOT


def test_readme_column_tables_match_the_schemas():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [line for line in markdown().splitlines() if line.startswith("| `") and line not in readme]
    assert not missing, "README is out of date; paste `python -m schemas.doc`:\n" + "\n".join(missing[:5])


def test_ruff_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", str(ROOT)], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_help_runs():
    result = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0 and "--input" in result.stdout
