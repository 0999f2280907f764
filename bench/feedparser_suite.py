"""feedparser's own test feeds through vigie's source stage: nothing may crash, every file
gives articles or rejects with a reason. Prints the outcome counts.

Usage: python bench/feedparser_suite.py [../shared/data/rss/feedparser-tests] [--http]

Each of the ~2,100 files (wellformed, illformed, encoding, entities, json) goes through
`transforms.sources.read_input`, as a file and (with --http) as a URL served from 127.0.0.1
with the HTTP headers its header comment names (`Header: Content-type: …`), so the fetch
path (deadline, caps, decompression, content-type) is exercised too. For every file the
number of items is compared with feedparser's own count of entries (an item per entry, or
one reject for a feed without entries); vigie's pre-parse refusals (xml_entities,
not_a_feed) are the expected differences.
"""

from __future__ import annotations

import contextlib
import http.server
import io
import re
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transforms.rejects import REJECT_TAG, SOURCE_REASONS  # noqa: E402
from transforms.sources import SourceConfig, read_input  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "rss" / "feedparser-tests"
PRE_PARSE = ("xml_entities", "not_a_feed")  # refused before feedparser sees the document
_HEADER = re.compile(rb"^Header:\s*([A-Za-z-]+):\s*(.*?)\s*$", re.M)


@dataclass
class SuiteResult:
    mode: str
    files: int = 0
    seconds: float = 0.0
    by_file: Counter = field(default_factory=Counter)  # "articles", "articles+rejects" or "reject:<reason>"
    items: Counter = field(default_factory=Counter)  # "article" or the reject reason
    by_folder: dict[str, Counter] = field(default_factory=dict)
    crashes: list[tuple[str, str]] = field(default_factory=list)
    invalid: list[tuple[str, str]] = field(default_factory=list)
    disagree: list[tuple[str, int, int]] = field(default_factory=list)  # file, feedparser items, ours
    empty: list[str] = field(default_factory=list)


def suite_files(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / "tests").rglob("*") if p.is_file())


def headers_of(data: bytes) -> dict[str, str]:
    """The HTTP headers a test file's header comment asks for."""
    head = data[:2000]
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in _HEADER.findall(head)}


def feedparser_items(data: bytes, headers: dict[str, str] | None = None) -> int:
    """How many items feedparser alone makes of the document: its entries, or one reject."""
    import feedparser

    response = {k.lower(): v for k, v in (headers or {}).items() if k.lower() == "content-type"} or None
    try:
        return max(1, len(feedparser.parse(io.BytesIO(data), response_headers=response).entries))
    except Exception:  # noqa: BLE001
        return 1


def _check(rec: object) -> str | None:
    """Why a record is not a valid article or source reject (None when it is)."""
    if not isinstance(rec, dict):
        return f"not a dict: {type(rec).__name__}"
    if REJECT_TAG in rec:
        rej = rec[REJECT_TAG]
        if rej.get("reason") not in SOURCE_REASONS or rej.get("stage") != "source":
            return f"bad reject {rej.get('stage')}/{rej.get('reason')}"
        return None
    if not rec.get("text") or not rec.get("article_id"):
        return "article without text or id"
    for key, value in rec.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return f"{key} is not UTF-8"
    return None


class _SuiteHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    root: Path = Path(".")

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = (self.root / self.path.lstrip("/").split("?", 1)[0]).resolve()
        if self.root.resolve() not in path.parents or not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        headers = headers_of(data)
        self.send_response(200)
        if not any(k.lower() == "content-type" for k in headers):
            self.send_header("Content-Type", "application/xml")
        for k, v in headers.items():
            if k.lower() not in ("content-length", "transfer-encoding", "content-encoding"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """The suite over HTTP on 127.0.0.1 (an ephemeral port), each file with its own headers."""
    handler = type("Handler", (_SuiteHandler,), {"root": folder})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def run(folder: Path, mode: str = "file", compare: bool = True) -> SuiteResult:
    files = suite_files(folder)
    result = SuiteResult(mode=mode, files=len(files))
    cfg = SourceConfig(timeout_s=10, allow_private_hosts=(mode == "http"))
    start = time.perf_counter()
    with serve(folder) if mode == "http" else contextlib.nullcontext("") as base:
        for path in files:
            rel = path.relative_to(folder).as_posix()
            ref = f"{base}/{rel}" if mode == "http" else str(path)
            try:
                recs = list(read_input(ref, cfg))
            except Exception as e:  # noqa: BLE001 - this is what the suite looks for
                result.crashes.append((rel, f"{type(e).__name__}: {e}"))
                continue
            if not recs:
                result.empty.append(rel)
                continue
            for rec in recs:
                why = _check(rec)
                if why:
                    result.invalid.append((rel, why))
            reasons = [r[REJECT_TAG]["reason"] for r in recs if REJECT_TAG in r]
            n_articles = len(recs) - len(reasons)
            outcome = ("articles" if not reasons else "articles+rejects") if n_articles \
                else "reject:" + "+".join(sorted(set(reasons)))
            result.by_file[outcome] += 1
            result.by_folder.setdefault(rel.split("/")[1], Counter())[outcome.split(":")[0]] += 1
            result.items["article"] += n_articles
            result.items.update(reasons)
            if compare and not set(reasons) & set(PRE_PARSE):
                data = path.read_bytes()
                expected = feedparser_items(data, headers_of(data) if mode == "http" else None)
                if expected != len(recs):
                    result.disagree.append((rel, expected, len(recs)))
    result.seconds = time.perf_counter() - start
    return result


def report(result: SuiteResult) -> str:
    lines = [f"feedparser suite ({result.mode}): {result.files} files in {result.seconds:.1f} s; "
             f"crashes {len(result.crashes)}, invalid records {len(result.invalid)}, files without output "
             f"{len(result.empty)}, item counts differing from feedparser {len(result.disagree)}",
             "  by file:  " + ", ".join(f"{k} {v}" for k, v in result.by_file.most_common()),
             "  by item:  " + ", ".join(f"{k} {v}" for k, v in result.items.most_common()),
             "  folders:  " + "; ".join(f"{name}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items()))
                                        for name, c in sorted(result.by_folder.items()))]
    for rel, why in (result.crashes + result.invalid)[:10]:
        lines.append(f"  ! {rel}: {why}")
    for rel, expected, got in result.disagree[:10]:
        lines.append(f"  ≠ {rel}: feedparser {expected} items, vigie {got}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    folder = Path(args[0]) if args else DEFAULT
    if not (folder / "tests").is_dir():
        print(f"no feedparser tests at {folder}", file=sys.stderr)
        return 2
    modes = ["file", "http"] if "--http" in argv else ["file"]
    bad = 0
    for mode in modes:
        result = run(folder, mode)
        print(report(result))
        bad += len(result.crashes) + len(result.invalid) + len(result.empty)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
