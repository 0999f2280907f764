"""`python -m pipeline report`: a self-contained page, rendered by headless Chromium (Debian's package).

`make test` installs chromium first when it is missing (Makefile target `chromium`): these tests
do not skip without it, they fail and say so.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from schemas import ARTICLES, EVENTS
from tests.test_bi import build_sample_output

ARTICLE_LINK = re.compile(r'<a href="(https?://[^"]+)" target="_blank" rel="noopener noreferrer">')


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise AssertionError("Chromium not found: `make chromium` (apt-get install chromium) installs it")


def run_chromium(page: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """Headless Chromium on a file:// page, every network request sent to a closed local port."""
    cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--hide-scrollbars", "--no-first-run", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
           "--virtual-time-budget=15000", *args, page.resolve().as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=page.parent)


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory) -> tuple[Path, Path]:
    out = build_sample_output(tmp_path_factory)
    page = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", "--output", str(out), "--html", str(page)]) == 0
    return out, page


def test_report_command_prints_the_path(tmp_path_factory, capsys):
    out = build_sample_output(tmp_path_factory)
    page = tmp_path_factory.mktemp("report-cli") / "sub" / "r.html"
    assert main(["report", "--output", str(out), "--html", str(page), "--latest", "5"]) == 0
    assert str(page.resolve()) in capsys.readouterr().out
    assert page.read_text(encoding="utf-8").count('<tr class="m-') == 5


def test_page_is_self_contained(sample_report):
    """No script, style, image or frame from anywhere: the only URLs are links to the articles."""
    _, page = sample_report
    text = page.read_text(encoding="utf-8")
    refs = re.findall(r'<(script|link|img|iframe|source|embed|object)\b[^>]*\b(?:src|href|data)\s*=', text, re.I)
    assert not refs, refs
    markup = re.sub(r"<script>.*?</script>", "<script></script>", text, flags=re.S)  # plotly.js, the figures
    hrefs = re.findall(r'\bhref="([^"]*)"', markup)
    links = ARTICLE_LINK.findall(text)
    assert hrefs and sorted(hrefs) == sorted(links), set(hrefs) - set(links)
    assert "@import" not in text and "url(http" not in text
    assert text.count("Plotly.newPlot(") == 4  # timeline, pairs, network, map
    assert text.count("window.PlotlyGeoAssets.topojson['world_110m']") == 1


def test_page_has_every_part_and_the_sample_events(sample_report):
    out, page = sample_report
    text = page.read_text(encoding="utf-8")
    for part in ("Events over time, by quad class", "Top actor pairs", "Network of actors",
                 "Where events took place", "Latest events"):
        assert part in text, part
    events = EVENTS.dataset(str(out)).to_table().to_pylist()
    latest = sorted(events, key=lambda e: e["event_date"], reverse=True)[:50]
    assert text.count('<tr class="m-') == len(latest)
    urls = {e["source_url"] for e in latest if e["source_url"]}
    assert urls and urls <= set(ARTICLE_LINK.findall(text))
    assert html.escape(latest[0]["trigger"]) in text  # evidence sentences, triggers marked
    assert '<mark class="t">' in text


def test_article_text_is_escaped_and_only_http_links(tmp_path):
    """A hostile article: markup in names and sentences stays text, javascript: URLs are no links."""
    out = tmp_path / "out"
    evil = '<img src=x onerror=alert(1)></script><script>alert(2)</script>'
    row = {"event_id": "0123456789abcdef0123", "event_date": dt.date(2022, 1, 21),
           "event_date_source": "published", "actor1_name": evil, "actor1_code": "RUSGOV",
           "actor1_country": "RUS", "actor2_name": "Kiev", "actor2_code": "UKR", "actor2_country": "UKR",
           "event_code": "190", "event_base_code": "190", "event_root_code": "19", "quad_class": 4,
           "goldstein": -10.0, "plover_type": "ASSAULT", "modality": "asserted", "is_root_event": True,
           "action_geo_name": evil, "action_geo_country": "UKR", "action_geo_lat": 50.45, "action_geo_lon": 30.52,
           "num_mentions": 1, "confidence": 0.9, "sentence": f"Moscou {evil} attaque Kiev.", "trigger": "attaque",
           "trigger_start": 0, "trigger_end": 7, "article_id": "a1", "source_url": "javascript:alert(3)",
           "published_at": None, "ingested_at": dt.datetime(2022, 1, 21, tzinfo=dt.timezone.utc), "schema_version": 1}
    folder = out / "events" / "date=2022-01-21" / "actor=RUS"
    folder.mkdir(parents=True)
    pq.write_table(EVENTS.to_table([row]), folder / "part-0.parquet")
    art = {"article_id": "a1", "url": "javascript:alert(3)", "title": evil, "input_ref": "x#0",
           "published_at_status": "missing", "ingested_at": row["ingested_at"], "language": "fr",
           "language_prob": 1.0, "word_count": 5, "sentence_count": 1, "truncated": False, "schema_version": 1,
           "text": row["sentence"]}
    (out / "articles" / "date=2022-01-21").mkdir(parents=True)
    pq.write_table(ARTICLES.to_table([art]), out / "articles" / "date=2022-01-21" / "part-0.parquet")
    page = tmp_path / "r.html"
    assert main(["report", "--output", str(out), "--html", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "<img src=x" not in text and "<script>alert" not in text
    assert "javascript:" not in text.split("</head>", 1)[1]
    assert not re.search(r'href="javascript', text)


def test_report_of_an_output_without_events(tmp_path):
    page = tmp_path / "empty.html"
    assert main(["report", "--output", str(tmp_path / "nothing"), "--html", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "No events" in text and "Plotly.newPlot(" not in text


def test_chromium_renders_every_chart_offline(sample_report):
    """The DOM after scripts ran, with no network: four plotly figures drawn, the world map among them."""
    _, page = sample_report
    net_log = page.parent / "net-log.json"
    result = run_chromium(page, "--dump-dom", f"--log-net-log={net_log}")
    dom = result.stdout
    assert result.returncode == 0 and "</html>" in dom, result.stderr[-2000:]
    assert dom.count('class="main-svg"') >= 4 * 2, "plotly figures not drawn"
    for div in ("timeline", "pairs", "network", "map"):
        assert re.search(rf'id="{div}"[^>]*class="[^"]*js-plotly-plot', dom), div
    assert re.search(r'class="[^"]*\bland\b', dom) and re.search(r'class="[^"]*\bcountries\b', dom), "no base map"
    assert dom.count('class="point"') >= 10, "no bars or markers"
    assert page_requests(net_log) == [], "the page asked the network for something"


def page_requests(net_log: Path) -> list[str]:
    """URLs the page itself requested (Chromium's own background requests have no origin)."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = [e["params"].get("url", "") for e in log["events"]
            if e["type"] == start and e.get("params", {}).get("initiator") != "not an origin"]
    return [u for u in urls if u and not u.startswith(("file:", "data:", "blob:"))]


def test_chromium_screenshot_is_not_blank(sample_report, tmp_path):
    from PIL import Image

    _, page = sample_report
    png = tmp_path / "report.png"
    result = run_chromium(page, f"--screenshot={png}", "--window-size=1280,2000")
    assert png.exists() and png.stat().st_size > 10_000, result.stderr[-2000:]
    image = Image.open(png).convert("RGB")
    assert image.size == (1280, 2000)
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 500, f"only {len(colours)} colours: a blank page?"
    white = sum(n for n, c in colours if min(c) >= 245)
    assert white < 0.8 * image.size[0] * image.size[1], "mostly white"
    # The quad-class colours of the timeline are on screen: the charts were drawn, not only the text.
    drawn = {c for _, c in colours}
    assert {(0x74, 0xAD, 0xD1), (0xF9, 0x9D, 0x59)} & drawn
