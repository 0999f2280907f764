"""`python -m pipeline report --output out/ --html report.html`: one self-contained HTML page.

What happened, without writing SQL: events over time by quad class, the busiest actor pairs, a
network of actors, a map of where events took place, and the latest events with their evidence
sentence and a link to the article. Charts are plotly figures; plotly.js is inlined once, and so is
the world map (Natural Earth countries, `bi/assets/world-110m.topo.json`): the page opens with no
network access. Article text only ever reaches the page HTML-escaped, and only http(s) article
URLs become links.

Charts count asserted events (what the articles say happened); the timeline can switch to every
modality, and the table lists every event with its modality.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import logging
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa

from schemas import ARTICLES, EVENTS, TableSpec
from schemas.table import PARTITION_TYPES

log = logging.getLogger(__name__)

WORLD_TOPOJSON = Path(__file__).resolve().parent.parent / "bi" / "assets" / "world-110m.topo.json"

QUAD = {
    1: ("Verbal cooperation", "#74add1"),
    2: ("Material cooperation", "#313695"),
    3: ("Verbal conflict", "#f99d59"),
    4: ("Material conflict", "#a50026"),
}
# Goldstein -10 (red, conflict) … 0 (grey) … +10 (blue, cooperation): no white, marks stay visible.
GOLDSTEIN_SCALE = [[0.0, "#a50026"], [0.3, "#f46d43"], [0.5, "#b4b4b4"], [0.7, "#74add1"], [1.0, "#313695"]]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
# The mode bar only on the map (zoom); elsewhere it would sit on the legends and the buttons.
PLOT_CONFIG = {"displaylogo": False, "responsive": True, "displayModeBar": False}
MAP_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


@dataclass
class Report:
    path: Path
    events: int
    asserted: int
    articles: int
    located: int
    bytes: int


# ---------------------------------------------------------------------------------------------
# Data


def _empty(spec: TableSpec) -> pa.Table:
    fields = list(spec.schema) + [pa.field(c, PARTITION_TYPES[c]) for c in spec.partition_cols]
    return pa.schema(fields).empty_table()


def load_table(output: str, spec: TableSpec) -> pa.Table:
    """A table of a vigie output (typed partitions), or an empty one when it was not written."""
    if "://" not in output and not os.path.isdir(os.path.join(output, spec.name)):
        return _empty(spec)
    table = spec.dataset(output).to_table()
    return table if table.num_rows else _empty(spec)


def _rows(con: Any, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    rel = con.execute(sql, list(params))
    cols = [d[0] for d in rel.description]
    return [dict(zip(cols, r, strict=True)) for r in rel.fetchall()]


def _cameo_descriptions() -> dict[str, str]:
    try:
        from transforms.lexicon import load_cameo

        return {c: v.description.replace(", not specified below", "") for c, v in load_cameo().items()}
    except Exception:  # noqa: BLE001 - descriptions are a nicety; codes still show
        log.warning("CAMEO descriptions not available", exc_info=True)
        return {}


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _esc(text: Any) -> str:
    return html.escape(_clean(str(text)) if text is not None else "", quote=True)


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


# ---------------------------------------------------------------------------------------------
# Figures


def _layout(**kw: Any) -> dict[str, Any]:
    base = {"template": "plotly_white", "font": {"family": FONT, "size": 13, "color": "#1f2933"},
            "margin": {"l": 10, "r": 10, "t": 10, "b": 10}, "paper_bgcolor": "white",
            "hoverlabel": {"font": {"family": FONT}}}
    base.update(kw)
    return base


def timeline_figure(con: Any) -> tuple[Any, str]:
    """Events per day (or week, month) stacked by quad class; a menu switches asserted / every modality.

    Few distinct days: one bar per day with events (a category axis, no empty years between a
    dated article and an undated one); otherwise a date axis by day, week or month."""
    import plotly.graph_objects as go

    span = con.execute("SELECT count(DISTINCT event_date), max(event_date) - min(event_date) FROM events").fetchone()
    n_days, days = span[0] or 0, span[1] or 0
    if n_days <= 40:
        bucket, axis, unit = "event_date", {"type": "category", "title": "days with events"}, "day"
    elif days <= 180:
        bucket, axis, unit = "event_date", {"type": "date", "title": "day"}, "day"
    elif days <= 1100:
        bucket, axis, unit = "date_trunc('week', event_date)::DATE", {"type": "date", "title": "week"}, "week"
    else:
        bucket, axis, unit = "date_trunc('month', event_date)::DATE", {"type": "date", "title": "month"}, "month"
    rows = _rows(con, f"SELECT {bucket} AS day, quad_class, modality = 'asserted' AS asserted, count(*) AS n, "
                      f"sum(num_mentions) AS mentions FROM events GROUP BY ALL ORDER BY day")
    days_all = sorted({r["day"] for r in rows})
    labels = [d.isoformat() for d in days_all]
    fig = go.Figure()
    for only_asserted in (True, False):
        for quad, (name, colour) in QUAD.items():
            counts = {d: 0 for d in days_all}
            mentions = {d: 0 for d in days_all}
            for r in rows:
                if r["quad_class"] == quad and (r["asserted"] or not only_asserted):
                    counts[r["day"]] += r["n"]
                    mentions[r["day"]] += r["mentions"]
            fig.add_bar(x=labels, y=[counts[d] for d in days_all], name=f"{quad} {name}",
                        marker_color=colour, visible=only_asserted, legendgroup=str(quad),
                        customdata=[mentions[d] for d in days_all],
                        hovertemplate=f"<b>%{{x}}</b><br>{name}: %{{y}} events (%{{customdata}} mentions)"
                                      "<extra></extra>")
    fig.update_layout(**_layout(
        barmode="stack", height=380, bargap=0.25,
        legend={"orientation": "h", "y": 1.02, "x": 0, "yanchor": "bottom"},
        margin={"l": 50, "r": 10, "t": 70, "b": 50},
        xaxis={**axis, "title": {"text": axis["title"]}},
        yaxis={"title": {"text": "events"}, "rangemode": "tozero"},
        updatemenus=[{
            "type": "buttons", "direction": "right", "x": 1, "xanchor": "right", "y": 1.22, "yanchor": "top",
            "showactive": True, "active": 0, "bgcolor": "#f3f4f6",
            "buttons": [
                {"label": "asserted", "method": "update", "args": [{"visible": [True] * 4 + [False] * 4}]},
                {"label": "every modality", "method": "update", "args": [{"visible": [False] * 4 + [True] * 4}]},
            ]}]))
    return fig, unit


def pairs_figure(con: Any, top: int = 15) -> Any:
    import plotly.graph_objects as go

    rows = _rows(con, """
        SELECT actor1_code, actor2_code, mode(actor1_name) AS name1, mode(actor2_name) AS name2,
               count(*) AS n, sum(num_mentions) AS mentions, avg(goldstein::DOUBLE) AS goldstein
        FROM events
        WHERE modality = 'asserted' AND actor2_code IS NOT NULL AND actor1_code <> 'UNK' AND actor2_code <> 'UNK'
        GROUP BY actor1_code, actor2_code
        ORDER BY n DESC, mentions DESC, actor1_code, actor2_code
        LIMIT ?""", [top])
    rows.reverse()  # largest on top of a horizontal bar chart
    fig = go.Figure(go.Bar(
        x=[r["n"] for r in rows], y=[f"{r['actor1_code']} → {r['actor2_code']}" for r in rows], orientation="h",
        marker={"color": [r["goldstein"] for r in rows], "colorscale": GOLDSTEIN_SCALE, "cmin": -10, "cmax": 10,
                "colorbar": {"title": {"text": "Goldstein"}, "thickness": 12, "len": 0.8}},
        customdata=[[_esc(r["name1"]), _esc(r["name2"]), r["mentions"], round(r["goldstein"], 1)] for r in rows],
        hovertemplate="<b>%{customdata[0]} → %{customdata[1]}</b><br>%{x} events, %{customdata[2]} mentions"
                      "<br>mean Goldstein %{customdata[3]}<extra></extra>"))
    fig.update_layout(**_layout(height=max(260, 60 + 26 * len(rows)), margin={"l": 10, "r": 10, "t": 10, "b": 40},
                                xaxis={"title": {"text": "asserted events"}, "rangemode": "tozero"},
                                yaxis={"automargin": True}))
    return fig


def network_figure(con: Any, max_nodes: int = 40) -> Any:
    """Actors as nodes (size: events), pairs as edges (width: events, colour: mean Goldstein)."""
    import networkx as nx
    import plotly.graph_objects as go
    from plotly.colors import sample_colorscale

    edges = _rows(con, """
        SELECT actor1_code AS a, actor2_code AS b, count(*) AS n, avg(goldstein::DOUBLE) AS g
        FROM events
        WHERE modality = 'asserted' AND actor2_code IS NOT NULL AND actor1_code <> 'UNK' AND actor2_code <> 'UNK'
              AND actor1_code <> actor2_code
        GROUP BY ALL ORDER BY n DESC, a, b""")
    nodes = {r["code"]: r for r in _rows(con, """
        SELECT code, mode(name) AS name, count(*) AS n, avg(g) AS g FROM (
            SELECT actor1_code AS code, actor1_name AS name, goldstein::DOUBLE AS g FROM events
            WHERE modality = 'asserted'
            UNION ALL
            SELECT actor2_code, actor2_name, goldstein::DOUBLE FROM events WHERE modality = 'asserted'
        ) WHERE code IS NOT NULL AND code <> 'UNK' GROUP BY code""")}
    graph = nx.Graph()
    for e in edges:
        if graph.has_edge(e["a"], e["b"]):  # both directions: one undirected edge
            d = graph.edges[e["a"], e["b"]]
            d["g"] = (d["g"] * d["n"] + e["g"] * e["n"]) / (d["n"] + e["n"])
            d["n"] += e["n"]
        else:
            graph.add_edge(e["a"], e["b"], n=e["n"], g=e["g"])
    if graph.number_of_nodes() > max_nodes:
        keep = sorted(graph.nodes, key=lambda c: (-nodes[c]["n"], c))[:max_nodes]
        graph = graph.subgraph(keep).copy()
    fig = go.Figure()
    if graph.number_of_nodes():
        # ForceAtlas2 with gravity keeps small components near the main one, node sizes stop overlaps.
        pos = nx.forceatlas2_layout(graph, seed=7, max_iter=400, strong_gravity=True, gravity=0.5, scaling_ratio=6.0,
                                    weight="n",
                                    node_size={c: 1 + math.sqrt(nodes[c]["n"]) / 2 for c in graph.nodes})
        for a, b, d in sorted(graph.edges(data=True), key=lambda e: e[2]["n"]):
            colour = sample_colorscale(GOLDSTEIN_SCALE, [(d["g"] + 10) / 20])[0]
            fig.add_scatter(x=[pos[a][0], pos[b][0]], y=[pos[a][1], pos[b][1]], mode="lines",
                            line={"width": 1 + 1.5 * math.sqrt(d["n"]), "color": colour}, opacity=0.75,
                            hoverinfo="skip", showlegend=False)
        # Invisible midpoints carry the edges' hover text.
        mids = list(graph.edges(data=True))
        fig.add_scatter(x=[(pos[a][0] + pos[b][0]) / 2 for a, b, _ in mids],
                        y=[(pos[a][1] + pos[b][1]) / 2 for a, b, _ in mids], mode="markers",
                        marker={"size": 10, "opacity": 0}, showlegend=False,
                        text=[f"{a} – {b}: {d['n']} events, mean Goldstein {d['g']:.1f}" for a, b, d in mids],
                        hovertemplate="%{text}<extra></extra>")
        order = sorted(graph.nodes)
        fig.add_scatter(
            x=[pos[c][0] for c in order], y=[pos[c][1] for c in order], mode="markers+text",
            text=order, textposition="top center", textfont={"size": 11},
            marker={"size": [10 + 5 * math.sqrt(nodes[c]["n"]) for c in order],
                    "color": [nodes[c]["g"] for c in order], "colorscale": GOLDSTEIN_SCALE, "cmin": -10,
                    "cmax": 10, "line": {"width": 1, "color": "#374151"}, "showscale": False},
            customdata=[[_esc(nodes[c]["name"]), nodes[c]["n"], round(nodes[c]["g"], 1)] for c in order],
            hovertemplate="<b>%{text}</b> %{customdata[0]}<br>%{customdata[1]} events, "
                          "mean Goldstein %{customdata[2]}<extra></extra>", showlegend=False)
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    fig.update_layout(**_layout(height=420, xaxis=hidden, yaxis=hidden, hovermode="closest",
                                margin={"l": 10, "r": 10, "t": 10, "b": 10}))
    return fig


def map_figure(con: Any, base_map: bool) -> Any:
    """Where asserted events took place (the sentence's place, geocoded offline)."""
    import plotly.graph_objects as go

    places = _rows(con, r"""
        SELECT trim(regexp_replace(action_geo_name, '\s+', ' ', 'g')) AS place, action_geo_country AS country,
               round(action_geo_lat, 4) AS lat, round(action_geo_lon, 4) AS lon, count(*) AS n,
               avg(goldstein::DOUBLE) AS g,
               list(actor1_code || ' → ' || coalesce(actor2_code, '·') || ' (' || event_code || ', '
                    || strftime(event_date, '%Y-%m-%d') || ')' ORDER BY event_date DESC, event_code)[1:6] AS what
        FROM events
        WHERE modality = 'asserted' AND action_geo_lat IS NOT NULL AND action_geo_lon IS NOT NULL
        GROUP BY ALL ORDER BY n DESC, place""")
    fig = go.Figure(go.Scattergeo(
        lat=[p["lat"] for p in places], lon=[p["lon"] for p in places], mode="markers+text",
        text=[_esc(p["place"]) for p in places], textposition="top center", textfont={"size": 11},
        marker={"size": [9 + 7 * math.sqrt(p["n"]) for p in places], "color": [p["g"] for p in places],
                "colorscale": GOLDSTEIN_SCALE, "cmin": -10, "cmax": 10, "opacity": 0.85,
                "line": {"width": 1, "color": "#374151"},
                "colorbar": {"title": {"text": "Goldstein"}, "thickness": 12, "len": 0.7}},
        customdata=[[p["country"] or "", p["n"], "<br>".join(_esc(w) for w in p["what"])] for p in places],
        hovertemplate="<b>%{text}</b> %{customdata[0]}<br>%{customdata[1]} events<br>%{customdata[2]}"
                      "<extra></extra>"))
    geo = {"projection": {"type": "natural earth"}, "showframe": False, "bgcolor": "white",
           "showland": base_map, "landcolor": "#eeece6", "showcountries": base_map, "countrycolor": "#b8b8b8",
           "showcoastlines": base_map, "coastlinecolor": "#9ca3af", "showocean": False, "showlakes": False,
           "showrivers": False, "showsubunits": False, "resolution": 110,
           "lataxis": {"showgrid": not base_map, "gridcolor": "#e5e7eb"},
           "lonaxis": {"showgrid": not base_map, "gridcolor": "#e5e7eb"}}
    if places:
        geo["fitbounds"] = "locations"
    fig.update_layout(**_layout(height=460, geo=geo, margin={"l": 0, "r": 0, "t": 0, "b": 0}))
    return fig


# ---------------------------------------------------------------------------------------------
# Page


def _highlight(sentence: str, marks: list[tuple[str | None, str]]) -> str:
    """The sentence, escaped, with each mark's first occurrence wrapped in <mark class=…>."""
    spans: list[tuple[int, int, str]] = []
    for text, cls in marks:
        text = _clean(text)
        if not text:
            continue
        i = sentence.find(text)
        if i >= 0 and all(i >= e or i + len(text) <= s for s, e, _ in spans):
            spans.append((i, i + len(text), cls))
    out, pos = [], 0
    for s, e, cls in sorted(spans):
        out.append(html.escape(sentence[pos:s]))
        out.append(f'<mark class="{cls}">{html.escape(sentence[s:e])}</mark>')
        pos = e
    out.append(html.escape(sentence[pos:]))
    return "".join(out)


def latest_events_table(con: Any, limit: int) -> str:
    cameo = _cameo_descriptions()
    rows = _rows(con, """
        SELECT e.event_date, e.actor1_code, e.actor1_name, e.actor2_code, e.actor2_name, e.event_code,
               e.quad_class, e.goldstein::DOUBLE AS goldstein, e.modality, e.action_geo_name, e.action_geo_country,
               e.sentence, e.trigger, e.num_mentions, e.source_url, a.title, a.source,
               substr(a.text, e.actor1_start + 1, e.actor1_end - e.actor1_start) AS actor1_text,
               substr(a.text, e.actor2_start + 1, e.actor2_end - e.actor2_start) AS actor2_text
        FROM events e LEFT JOIN (SELECT DISTINCT ON (article_id) * FROM articles) a USING (article_id)
        ORDER BY e.event_date DESC, e.published_at DESC NULLS LAST, e.article_id, e.trigger_start, e.event_id
        LIMIT ?""", [limit])
    body = []
    for r in rows:
        name, colour = QUAD.get(r["quad_class"], ("?", "#999"))
        what = cameo.get(r["event_code"], "")
        actor2 = (f'<span class="code">{_esc(r["actor2_code"])}</span> {_esc(r["actor2_name"])}'
                  if r["actor2_code"] else '<span class="none">no target</span>')
        place = _esc(r["action_geo_name"])
        if place and r["action_geo_country"]:
            place += f' <span class="muted">{_esc(r["action_geo_country"])}</span>'
        url = _safe_url(r["source_url"])
        label = _esc(r["title"] or r["source"] or (urlsplit(url).netloc if url else "") or "article")
        link = (f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{label}</a>'
                if url else f'<span class="muted">{label}</span>')
        sentence = _clean(r["sentence"])
        evidence = _highlight(sentence, [(r["trigger"], "t"), (r["actor1_text"], "a1"), (r["actor2_text"], "a2")])
        body.append(
            f'<tr class="m-{_esc(r["modality"])}">'
            f'<td class="nowrap">{r["event_date"].isoformat()}</td>'
            f'<td><span class="code">{_esc(r["actor1_code"])}</span> {_esc(r["actor1_name"])}</td>'
            f'<td><span class="badge" style="background:{colour}" title="{_esc(name)}">{r["quad_class"]}</span> '
            f'<span class="code">{_esc(r["event_code"])}</span> {_esc(what)}</td>'
            f"<td>{actor2}</td>"
            f'<td class="num">{r["goldstein"]:+.1f}</td>'
            f'<td>{_esc(r["modality"])}</td>'
            f"<td>{place}</td>"
            f'<td class="evidence">{evidence}<div class="src">{link}</div></td></tr>')
    if not body:
        return '<p class="muted">No events in this output.</p>'
    return (
        '<input id="filter" type="search" placeholder="Filter the table (actor, code, place, word…)" '
        'aria-label="Filter the table">'
        '<table id="latest"><thead><tr><th>date</th><th>actor 1</th><th>event</th><th>actor 2</th>'
        '<th>Goldstein</th><th>modality</th><th>place</th><th>evidence and article</th></tr></thead>'
        f'<tbody>{"".join(body)}</tbody></table>')


CSS = """
:root { --ink: #1f2933; --muted: #6b7280; --line: #e5e7eb; --bg: #f7f7f5; }
* { box-sizing: border-box; }
body { margin: 0; font-family: FONT_FAMILY; color: var(--ink); background: var(--bg); }
header { background: #14213d; color: #fff; padding: 22px 32px 18px; }
header h1 { margin: 0 0 4px; font-size: 26px; font-weight: 650; letter-spacing: .2px; }
header p { margin: 0; color: #cbd5e1; font-size: 14px; }
main { max-width: 1240px; margin: 0 auto; padding: 18px 24px 40px; }
.kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin: 4px 0 18px; }
.kpi { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.kpi b { display: block; font-size: 24px; font-weight: 650; }
.kpi span { color: var(--muted); font-size: 13px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px;
          margin-bottom: 18px; }
section h2 { margin: 0 0 2px; font-size: 18px; }
section p.note { margin: 0 0 8px; color: var(--muted); font-size: 13px; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
.grid2 section { margin-bottom: 0; }
.row { margin-bottom: 18px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--line);
     padding: 6px 8px; position: sticky; top: 0; background: #fff; }
td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
td.evidence { min-width: 340px; }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px;
        background: #eef2f7; border-radius: 4px; padding: 1px 4px; }
.badge { display: inline-block; min-width: 18px; text-align: center; color: #fff; border-radius: 9px;
         font-size: 11px; font-weight: 700; padding: 1px 5px; }
.muted, .none { color: var(--muted); }
.src { margin-top: 3px; font-size: 12px; }
.src a { color: #1d4ed8; text-decoration: none; }
.src a:hover { text-decoration: underline; }
mark.t { background: #fde68a; } mark.a1 { background: #bfdbfe; } mark.a2 { background: #e9d5ff; }
tr.m-negated td, tr.m-hypothetical td, tr.m-future td, tr.m-reported td { color: #4b5563; }
tr.m-negated td:nth-child(6), tr.m-hypothetical td:nth-child(6), tr.m-future td:nth-child(6),
tr.m-reported td:nth-child(6) { font-style: italic; }
#filter { width: 100%; padding: 8px 10px; margin: 4px 0 10px; border: 1px solid var(--line);
          border-radius: 6px; font: inherit; }
.legend span { margin-right: 12px; font-size: 12px; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 10px; }
@media (max-width: 900px) { .grid2 { grid-template-columns: 1fr; } .kpis { grid-template-columns: repeat(3, 1fr); } }
""".replace("FONT_FAMILY", FONT)

FILTER_JS = """
(function () {
  var box = document.getElementById('filter');
  if (!box) return;
  box.addEventListener('input', function () {
    var q = box.value.toLowerCase();
    document.querySelectorAll('#latest tbody tr').forEach(function (tr) {
      tr.style.display = tr.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
    });
  });
})();
"""


def _figure_html(fig: Any, div_id: str, config: dict[str, Any] = PLOT_CONFIG) -> str:
    import plotly.io as pio

    return pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=div_id, config=config,
                       default_width="100%", default_height=f"{fig.layout.height or 400}px")


def _world_script() -> tuple[str, bool]:
    """plotly.js reads its base map from window.PlotlyGeoAssets before fetching one: give it ours."""
    if not WORLD_TOPOJSON.is_file():
        log.warning("%s not found: the map shows events without a base map", WORLD_TOPOJSON)
        return "", False
    topo = json.loads(WORLD_TOPOJSON.read_text(encoding="utf-8"))
    # plotly draws coastlines from an object of that name; the land outline is what it means.
    topo["objects"]["coastlines"] = topo["objects"]["land"]
    data = json.dumps(topo, separators=(",", ":")).replace("</", "<\\/")
    return ("window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};\n"
            f"window.PlotlyGeoAssets.topojson['world_110m'] = {data};"), True


def render(con: Any, *, output: str, latest: int = 50, title: str = "vigie — events report") -> str:
    from plotly.offline import get_plotlyjs

    k = con.execute("""
        SELECT (SELECT count(*) FROM articles), count(*), count(*) FILTER (WHERE modality = 'asserted'),
               count(DISTINCT actor1_code) FILTER (WHERE modality = 'asserted' AND actor1_code <> 'UNK'),
               count(DISTINCT actor1_country) FILTER (WHERE modality = 'asserted'),
               count(*) FILTER (WHERE modality = 'asserted' AND action_geo_lat IS NOT NULL),
               min(event_date), max(event_date),
               (SELECT count(DISTINCT source) FROM articles)
        FROM events""").fetchone()
    articles, events, asserted, actors, countries, located, first, last, sources = k
    world, base_map = _world_script()
    period = f"{first.isoformat()} → {last.isoformat()}" if first else "no events"
    generated = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    kpis = [(articles, "articles"), (events, "events"), (asserted, "asserted events"),
            (actors, "source actors"), (countries, "source countries"), (located, "located events")]
    kpi_html = "".join(f'<div class="kpi"><b>{v:,}</b><span>{label}</span></div>' for v, label in kpis)
    quad_legend = "".join(f'<span><span class="badge" style="background:{c}">{q}</span> {n}</span>'
                          for q, (n, c) in QUAD.items())
    if events:
        timeline, unit = timeline_figure(con)
        charts = f"""
<section class="row"><h2>Events over time, by quad class</h2>
<p class="note">Asserted events (what the articles say happened) per {unit}; the buttons switch to every
modality (negated, hypothetical, future, reported too). The date is the event's date from the sentence, else
the publication day.</p>{_figure_html(timeline, "timeline")}</section>
<div class="grid2 row">
<section><h2>Top actor pairs</h2><p class="note">Actor 1 → actor 2, asserted events; colour: mean Goldstein
score (red conflict, blue cooperation).</p>{_figure_html(pairs_figure(con), "pairs")}</section>
<section><h2>Network of actors</h2><p class="note">Who acts on whom: node size, events; line width, events
between the two; colour, mean Goldstein score.</p>{_figure_html(network_figure(con), "network")}</section>
</div>
<section class="row"><h2>Where events took place</h2><p class="note">{located:,} of {asserted:,} asserted events
name a place that vigie geocoded (cities, from GeoNames); marker size, events; colour, mean Goldstein
score.</p>{_figure_html(map_figure(con, base_map), "map", MAP_CONFIG)}</section>"""
    else:
        charts = '<section class="row"><h2>No events</h2><p class="note">This output has no events yet.</p></section>'
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)}</title>
<style>{CSS}</style>
<script>{get_plotlyjs()}</script>
<script>{world}</script>
</head><body>
<header><h1>{_esc(title)}</h1>
<p>{_esc(period)} · {sources:,} sources · output <code>{_esc(output)}</code> · generated {generated}</p></header>
<main>
<div class="kpis">{kpi_html}</div>
{charts}
<section class="row"><h2>Latest events</h2>
<p class="note">The {latest} most recent events, every modality; in the evidence sentence
<mark class="t">trigger</mark> <mark class="a1">actor 1</mark> <mark class="a2">actor 2</mark>.
<span class="legend">{quad_legend}</span></p>
{latest_events_table(con, latest)}</section>
</main>
<footer>vigie · CAMEO codes, quad classes and Goldstein scores from GDELT's lookups · map: Natural Earth
(world-atlas) · charts: plotly</footer>
<script>{FILTER_JS}</script>
</body></html>
"""


def build_report(output: str, html_path: str | os.PathLike[str], *, latest: int = 50,
                 title: str = "vigie — events report") -> Report:
    """Read `output`'s events and articles, write the page to `html_path`."""
    import duckdb

    events = load_table(output, EVENTS)
    articles = load_table(output, ARTICLES)
    con = duckdb.connect()
    con.register("events", events)
    con.register("articles", articles)
    page = render(con, output=output, latest=latest, title=title)
    path = Path(html_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)
    n_asserted, n_located = con.execute(
        "SELECT count(*) FILTER (WHERE modality = 'asserted'), "
        "count(*) FILTER (WHERE modality = 'asserted' AND action_geo_lat IS NOT NULL) FROM events").fetchone()
    return Report(path.resolve(), events.num_rows, n_asserted, articles.num_rows, n_located, path.stat().st_size)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline report",
        description="Write a self-contained HTML report (charts, network, map, latest events) of a vigie output.")
    parser.add_argument("--output", default="out", help="vigie output folder (default: out)")
    parser.add_argument("--html", help="page to write (default: <output>/report.html)")
    parser.add_argument("--latest", type=int, default=50, help="events in the latest-events table (default: 50)")
    parser.add_argument("--title", default="vigie — events report")
    args = parser.parse_args(list(argv))
    target = args.html or os.path.join(args.output, "report.html")
    report = build_report(args.output, target, latest=args.latest, title=args.title)
    print(f"vigie: report of {report.events} events ({report.asserted} asserted, {report.located} located) "
          f"from {report.articles} articles written to {report.path} ({report.bytes / 1e6:.1f} MB)")
    return 0
