"""Shared fixtures: paths, the seed article, and one real pipeline run per session."""

from __future__ import annotations

import http.server
import threading
import time
import tracemalloc
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "article-fr-blinken-lavrov-geneve.jsonl"


def need_shared(path: Path) -> Path:
    """Skip (with the reason) when ../shared material is not beside the project."""
    if not path.exists():
        pytest.skip(f"needs {path} (the shared material is not beside this clone)")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need_shared(SEED)


@pytest.fixture(scope="session")
def nlp():
    from transforms.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_parsed(seed_path: Path, nlp):
    """The seed article as the pipeline builds it (article record, ParsedDoc)."""
    from transforms.nlp import from_spacy
    from transforms.sources import SourceConfig, read_input

    [article] = list(read_input(str(seed_path), SourceConfig()))
    return article, from_spacy(nlp(article["text"]))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def http_fixtures() -> Iterator[str]:
    """tests/fixtures served over HTTP on 127.0.0.1 (an ephemeral port)."""
    handler = partial(_QuietHandler, directory=str(FIXTURES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def bounded(fn, seconds: float = 2.0, peak_bytes: int | None = 50_000_000):
    """fn() within `seconds` and, unless peak_bytes is None, under `peak_bytes` of Python allocations."""
    if peak_bytes is None:  # time only: tracemalloc slows allocation-heavy parsing several times
        start = time.monotonic()
        result = fn()
        assert time.monotonic() - start < seconds, f"{time.monotonic() - start:.1f} s"
        return result
    tracemalloc.start()
    start = time.monotonic()
    try:
        result = fn()
        elapsed = time.monotonic() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < seconds, f"{elapsed:.1f} s"
    assert peak < peak_bytes, f"peak {peak / 1e6:.0f} MB"
    return result
