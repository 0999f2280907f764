"""A feed server on 127.0.0.1 whose feeds change while a streaming job polls them.

Used by tests/test_streaming.py and bench/streaming.py. Each path is a
`Route`: RSS items (served with an ETag and Last-Modified, answering 304 to a
matching conditional GET), or a misbehaviour (an HTTP status, a delay, a
garbage body). Routes can be changed at any time; every request is logged
with its time, status and whether it was conditional.

    with FeedServer() as server:
        server.set_items("/a.xml", [Item("a1", "Titre", "Texte…")])
        server.url("/a.xml")
"""

from __future__ import annotations

import email.utils
import hashlib
import http.server
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Item:
    key: str  # its link is http://news.example/<key>, its GUID the same
    title: str
    text: str
    published: float | None = None  # epoch seconds; None: no pubDate


@dataclass
class Route:
    items: list[Item] = field(default_factory=list)
    status: int = 200  # anything else: always this status (with `headers`), no feed
    delay_s: float = 0.0  # wait before answering
    body: bytes | None = None  # served as is instead of the items
    headers: dict[str, str] = field(default_factory=dict)
    fail_times: int = 0  # the first requests answer 500 this many times, then the feed


@dataclass(frozen=True)
class Request:
    at: float  # when the request arrived
    path: str
    status: int
    conditional: bool


def rss(items: list[Item], title: str = "Fil de test") -> bytes:
    """RSS 2.0 for `items`, newest first as feeds do."""
    parts = [f"<?xml version='1.0' encoding='utf-8'?>\n<rss version='2.0'><channel><title>{escape(title)}</title>"
             "<link>http://news.example/</link><description>fil</description>"]
    for it in items:
        date = f"<pubDate>{email.utils.formatdate(it.published, usegmt=True)}</pubDate>" \
            if it.published is not None else ""
        parts.append(f"<item><title>{escape(it.title)}</title><link>http://news.example/{it.key}</link>"
                     f"<guid>http://news.example/{it.key}</guid>{date}"
                     f"<description>{escape(it.text)}</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Request] = []
        self.first_seen: dict[str, float] = {}  # item key -> when it was first served
        self._lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server._serve(self)

        accepted: dict[int, float] = {}  # connection -> when it was accepted

        class Server(http.server.ThreadingHTTPServer):
            def process_request(self, request: Any, client_address: Any) -> None:
                # stamp the request when the connection is accepted, before a handler thread is
                # started: under load that thread can start late, and a poll would look early
                accepted[id(request)] = time.time()
                super().process_request(request, client_address)

        self._accepted = accepted
        self._httpd = Server(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}{path}"

    def set(self, path: str, route: Route) -> None:
        with self._lock:
            self.routes[path] = route

    def set_items(self, path: str, items: list[Item]) -> None:
        self.set(path, Route(items=list(items)))

    def requests(self, path: str | None = None) -> list[Request]:
        with self._lock:
            return [r for r in self.log if path is None or r.path == path]

    def _serve(self, h: http.server.BaseHTTPRequestHandler) -> None:
        arrived = self._accepted.pop(id(h.request), None) or time.time()
        with self._lock:
            route = self.routes.get(h.path)
            fail = route is not None and route.fail_times > 0
            if fail:
                route.fail_times -= 1
        if route is None:
            self._send(h, arrived, 404, b"not found", {}, False)
            return
        if route.delay_s:
            time.sleep(route.delay_s)
        conditional = "If-None-Match" in h.headers or "If-Modified-Since" in h.headers
        if fail or route.status != 200:
            self._send(h, arrived, 500 if fail else route.status, b"error", route.headers, conditional)
            return
        if route.body is not None:
            self._send(h, arrived, 200, route.body, {"Content-Type": "application/rss+xml"}, conditional)
            return
        body = rss(route.items)
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if h.headers.get("If-None-Match") == etag:
            self._send(h, arrived, 304, b"", {"ETag": etag}, conditional)
            return
        now = time.time()
        with self._lock:
            for it in route.items:
                self.first_seen.setdefault(it.key, now)
        self._send(h, arrived, 200, body, {"Content-Type": "application/rss+xml", "ETag": etag,
                                  "Last-Modified": email.utils.formatdate(now, usegmt=True)}, conditional)

    def _send(self, h: http.server.BaseHTTPRequestHandler, arrived: float, status: int, body: bytes,
              headers: dict[str, str], conditional: bool) -> None:
        with self._lock:
            self.log.append(Request(arrived, h.path, status, conditional))
        try:
            h.send_response(status)
            for k, v in headers.items():
                h.send_header(k, v)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            if body and status != 304:
                h.wfile.write(body)
        except OSError:
            pass  # the client gave up (timeout test)
