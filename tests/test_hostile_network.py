"""Hostile HTTP, served from 127.0.0.1: every case ends in articles or in one reject with a
reason, within the fetch deadline and with memory bounded by the size cap."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import threading
import time
import tracemalloc
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import feedparser
import pytest

from tests.conftest import SAMPLES
from transforms import sources
from transforms.rejects import REJECT_TAG
from transforms.sources import SourceConfig, read_input

TIMEOUT = 1.0  # the fetch deadline these tests use; slow servers must be cut off by it
CAP = 1_000_000
CFG = SourceConfig(timeout_s=TIMEOUT, max_bytes=CAP, allow_private_hosts=True)
FEED = (SAMPLES / "feed.xml").read_bytes()
CHALLENGE = (b'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head>'
             b"<body><div>Checking if the site connection is secure</div></body></html>")


def _bomb(wbits: int, megabytes: int = 64) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, wbits)
    block = b"\0" * (1 << 20)
    return b"".join(comp.compress(block) for _ in range(megabytes)) + comp.flush()


GZIP_BOMB = _bomb(31)  # 64 MB of zeros in ~65 kB
DEFLATE_BOMB = _bomb(15)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    routes: dict[str, Callable[[Handler], None]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = urlsplit(self.path).path
        self.server.hits[path] += 1  # type: ignore[attr-defined]
        route = self.routes.get(path)
        if route is None and path.startswith("/chain/"):
            route = Handler.chain
        with contextlib.suppress(OSError):  # the client hung up (deadline, cap): expected
            (route or Handler.not_found)(self)

    # ---- helpers
    def send(self, body: bytes, ctype: str = "application/rss+xml", status: int = 200, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def stopped(self, seconds: float) -> bool:
        return self.server.stop.wait(seconds)  # type: ignore[attr-defined]

    # ---- routes
    def not_found(self) -> None:
        self.send(b"not here", "text/plain", 404)

    def chain(self) -> None:
        n = int(self.path.rsplit("/", 1)[1])
        self.redirect(f"/chain/{n + 1}")


def route(path: str) -> Callable[[Callable[[Handler], None]], Callable[[Handler], None]]:
    def deco(fn: Callable[[Handler], None]) -> Callable[[Handler], None]:
        Handler.routes[path] = fn
        return fn
    return deco


route("/feed.xml")(lambda h: h.send(FEED))
route("/feed-as-html")(lambda h: h.send(FEED, "text/html; charset=utf-8"))
route("/feed-octets")(lambda h: h.send(FEED, "application/octet-stream"))
route("/feed-gzip")(lambda h: h.send(gzip.compress(FEED), Content_Encoding="gzip"))
route("/feed-deflate")(lambda h: h.send(zlib.compress(FEED), Content_Encoding="deflate"))
route("/feed-raw-deflate")(lambda h: h.send(zlib.compress(FEED, wbits=-15), Content_Encoding="deflate"))
route("/feed-gzip-unannounced")(lambda h: h.send(gzip.compress(FEED), "application/x-gzip"))
route("/feed-brotli")(lambda h: h.send(FEED, Content_Encoding="br"))
route("/challenge")(lambda h: h.send(CHALLENGE, "application/rss+xml"))
route("/challenge-503")(lambda h: h.send(CHALLENGE, "text/html", 503))
route("/image")(lambda h: h.send(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png"))
route("/empty")(lambda h: h.send(b""))
route("/gzip-bomb")(lambda h: h.send(GZIP_BOMB, Content_Encoding="gzip"))
route("/deflate-bomb")(lambda h: h.send(DEFLATE_BOMB, Content_Encoding="deflate"))
route("/redirect-relative")(lambda h: h.redirect("/feed.xml", 301))
route("/loop-a")(lambda h: h.redirect("/loop-b"))
route("/loop-b")(lambda h: h.redirect("/loop-a"))
route("/redirect-file")(lambda h: h.redirect("file:///etc/passwd"))
route("/redirect-ftp")(lambda h: h.redirect("ftp://127.0.0.1/feed.xml"))
route("/redirect-javascript")(lambda h: h.redirect("javascript:alert(1)"))
route("/redirect-no-location")(lambda h: h.redirect(""))
route("/redirect-private")(lambda h: h.redirect("http://10.0.0.1/feed.xml", 307))
route("/redirect-loopback6")(lambda h: h.redirect(f"http://[::1]:{h.server.server_address[1]}/feed.xml"))
route("/local-path")(lambda h: h.send(str((SAMPLES / "feed.xml").resolve()).encode()))


@route("/huge-declared")
def _huge_declared(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", str(50 * CAP))
    h.end_headers()
    h.wfile.write(b"<rss>")


@route("/endless")
def _endless(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Connection", "close")
    h.end_headers()
    h.wfile.write(b"<rss><channel>")
    block = b"<item><title>x</title></item>" * 2000
    while not h.stopped(0):
        h.wfile.write(block)


@route("/endless-chunked")
def _endless_chunked(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    block = b"<item><title>x</title></item>" * 2000
    while not h.stopped(0):
        h.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))


@route("/chunked")
def _chunked(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    for i in range(0, len(FEED), 500):
        part = FEED[i:i + 500]
        h.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
    h.wfile.write(b"0\r\n\r\n")


@route("/slow-headers")
def _slow_headers(h: Handler) -> None:
    """Slow loris: a header byte every 0.1 s, never ending; each read succeeds, none times out."""
    h.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    while not h.stopped(0.1):
        h.wfile.write(b"a")
        h.wfile.flush()


@route("/slow-body")
def _slow_body(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", str(len(FEED)))
    h.end_headers()
    for byte in FEED:
        if h.stopped(0.1):
            return
        h.wfile.write(bytes([byte]))
        h.wfile.flush()


@route("/silent")
def _silent(h: Handler) -> None:
    h.stopped(30)


@route("/truncated-body")
def _truncated_body(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", str(len(FEED)))
    h.send_header("Connection", "close")
    h.end_headers()
    h.wfile.write(FEED[:200])
    h.close_connection = True


@route("/xxe-http")
def _xxe_http(h: Handler) -> None:
    port = h.server.server_address[1]
    h.send(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/xxe-hit">]>'
           f'<rss version="2.0"><channel><item><title>&xxe;</title><description>&xxe;</description></item>'
           f"</channel></rss>".encode())


@route("/external-dtd")
def _external_dtd(h: Handler) -> None:
    port = h.server.server_address[1]
    body = FEED.replace(b'<rss version="2.0">',
                        f'<!DOCTYPE rss SYSTEM "http://127.0.0.1:{port}/dtd-hit">\n<rss version="2.0">'.encode(), 1)
    h.send(body)


class HostileServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: Counter[str] = Counter()
        self.stop = threading.Event()


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    srv = HostileServer()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.stop.set()
        srv.shutdown()
        srv.server_close()


def base(srv: HostileServer) -> str:
    return f"http://127.0.0.1:{srv.server_address[1]}"


def read(url: str, cfg: SourceConfig = CFG) -> tuple[list[dict], list[dict], float]:
    start = time.monotonic()
    recs = list(read_input(url, cfg))
    elapsed = time.monotonic() - start
    arts = [r for r in recs if REJECT_TAG not in r]
    rejs = [r[REJECT_TAG] for r in recs if REJECT_TAG in r]
    return arts, rejs, elapsed


def one_reject(url: str, cfg: SourceConfig = CFG) -> tuple[str, str, float]:
    arts, rejs, elapsed = read(url, cfg)
    assert not arts and len(rejs) == 1, (arts, rejs)
    assert rejs[0]["stage"] == "source" and rejs[0]["input_ref"] == url
    return rejs[0]["reason"], rejs[0]["detail"] or "", elapsed


@pytest.mark.parametrize("path", ["/feed.xml", "/feed-as-html", "/feed-octets", "/feed-gzip", "/feed-deflate",
                                  "/feed-raw-deflate", "/feed-gzip-unannounced", "/chunked",
                                  "/redirect-relative", "/external-dtd"])
def test_good_feeds_however_served_give_articles(server, path):
    arts, rejs, _ = read(base(server) + path)
    assert not rejs and len(arts) == 3
    assert arts[0]["title"].startswith("Kiev accuse Moscou")
    assert all(a["feed_url"] == base(server) + path for a in arts)


@pytest.mark.parametrize(("path", "reason", "detail"), [
    ("/challenge", "not_a_feed", "HTML page"),
    ("/image", "not_a_feed", "image/png"),
    ("/challenge-503", "fetch_failed", "HTTP 503"),
    ("/missing", "fetch_failed", "HTTP 404"),
    ("/empty", "empty_input", "empty"),
    ("/feed-brotli", "fetch_failed", "Content-Encoding"),
    ("/truncated-body", "fetch_failed", "before the end of the body"),
    ("/huge-declared", "too_large", "Content-Length"),
    ("/redirect-no-location", "fetch_failed", "without a Location"),
])
def test_bad_answers_are_rejects_with_reasons(server, path, reason, detail):
    got, text, elapsed = one_reject(base(server) + path)
    assert (got, detail in text) == (reason, True), text
    assert elapsed < TIMEOUT + 1


@pytest.mark.parametrize("path", ["/slow-headers", "/slow-body", "/silent"])
def test_slow_servers_are_cut_off_at_the_deadline(server, path):
    reason, detail, elapsed = one_reject(base(server) + path)
    assert reason == "fetch_timeout", detail
    assert TIMEOUT - 0.05 <= elapsed < TIMEOUT + 1.0


@pytest.mark.parametrize("path", ["/endless", "/endless-chunked", "/gzip-bomb", "/deflate-bomb"])
def test_endless_bodies_and_compression_bombs_stop_at_the_cap(server, path):
    tracemalloc.start()
    try:
        reason, detail, elapsed = one_reject(base(server) + path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reason == "too_large", detail
    assert elapsed < TIMEOUT + 1
    assert peak < 12 * CAP, f"peak {peak} bytes for a {CAP}-byte cap"
    if "bomb" in path:
        assert "decompressed" in detail and server.hits[path] >= 1


@pytest.mark.parametrize(("path", "detail"), [
    ("/loop-a", "loop"),
    ("/chain/0", "more than 5 redirects"),
    ("/redirect-file", "file:///etc/passwd"),
    ("/redirect-ftp", "ftp://"),
    ("/redirect-javascript", "javascript:"),
])
def test_redirects_are_bounded_and_http_only(server, path, detail):
    reason, text, elapsed = one_reject(base(server) + path)
    assert reason == "redirect_refused" and detail in text, text
    assert elapsed < TIMEOUT + 1


def test_redirect_chain_stops_after_max_redirects(server):
    server.hits.clear()
    one_reject(base(server) + "/chain/0", SourceConfig(timeout_s=TIMEOUT, allow_private_hosts=True, max_redirects=2))
    assert sorted(p for p in server.hits if p.startswith("/chain/")) == ["/chain/0", "/chain/1", "/chain/2"]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "127.1", "2130706433", "0.0.0.0", "[::1]",
                                  "[::ffff:127.0.0.1]"])
def test_private_and_loopback_hosts_are_refused_by_default(server, host):
    port = server.server_address[1]
    server.hits.clear()
    reason, detail, _ = one_reject(f"http://{host}:{port}/feed.xml", SourceConfig(timeout_s=TIMEOUT))
    assert reason == "blocked_url" and "--allow_private_hosts" in detail, detail
    assert server.hits["/feed.xml"] == 0  # refused before any connection


def test_private_addresses_behind_a_redirect_are_refused(server, monkeypatch):
    """The policy applies to every hop. The test server itself is on 127.0.0.1, so this test
    lets exactly that address through and keeps the real rule for every other one."""
    real = sources.address_refusal
    monkeypatch.setattr(sources, "address_refusal", lambda ip: None if ip == "127.0.0.1" else real(ip))
    cfg = SourceConfig(timeout_s=TIMEOUT)
    reason, detail, _ = one_reject(base(server) + "/redirect-private", cfg)
    assert reason == "blocked_url" and "10.0.0.1" in detail
    reason, detail, _ = one_reject(base(server) + "/redirect-loopback6", cfg)
    assert reason == "blocked_url" and "loopback" in detail
    arts, _, _ = read(base(server) + "/feed.xml", cfg)
    assert len(arts) == 3  # the exception for 127.0.0.1 itself works


def test_address_policy():
    for ip in ("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1",
               "fe80::1", "fc00::1", "::ffff:10.0.0.1", "100.64.0.1", "224.0.0.1", "240.0.0.1"):
        assert sources.address_refusal(ip), ip
    for ip in ("93.184.216.34", "2606:4700::6810:84e5", "8.8.8.8"):
        assert sources.address_refusal(ip) is None, ip


def test_file_urls_and_other_schemes(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(FEED)
    url = feed.resolve().as_uri()
    reason, detail, _ = one_reject(url, SourceConfig())
    assert reason == "blocked_url" and "file://" in detail
    arts, rejs, _ = read(url, SourceConfig(allow_private_hosts=True))
    assert not rejs and len(arts) == 3 and arts[0]["input_ref"] == url + "#0"
    for ref in ("ftp://127.0.0.1/feed.xml", "gopher://127.0.0.1/", "file://otherhost/etc/passwd"):
        reason, _, _ = one_reject(ref, SourceConfig(allow_private_hosts=ref.startswith("file")))
        assert reason == "blocked_url"
    assert sources.expand_input(url) == [url]


def test_body_that_is_a_local_path_is_not_opened(server):
    """feedparser.parse(bytes) opens the bytes as a file name when such a file exists: a server
    answering "/home/…/feed.xml" would make it read a local file. We hand it a BytesIO."""
    arts, rejs, _ = read(base(server) + "/local-path")
    assert not arts and [r["reason"] for r in rejs] == ["malformed_feed"]


def test_external_entities_are_never_fetched(server):
    server.hits.clear()
    reason, _, _ = one_reject(base(server) + "/xxe-http")
    assert reason == "xml_entities"
    arts, rejs, _ = read(base(server) + "/external-dtd")
    assert len(arts) == 3 and not rejs
    # and feedparser itself, given the entity document directly, fetches nothing either
    port = server.server_address[1]
    doc = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/xxe-hit">]>'
           f'<rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>').encode()
    feedparser.parse(doc)
    assert server.hits["/xxe-hit"] == 0 and server.hits["/dtd-hit"] == 0


def test_no_timer_threads_left_behind(server):
    before = threading.active_count()
    for path in ("/feed.xml", "/slow-body", "/loop-a", "/gzip-bomb", "/missing"):
        read(base(server) + path)
    time.sleep(0.1)
    assert threading.active_count() <= before + 2  # server handler threads may still be finishing


@pytest.fixture
def raw_tcp() -> Iterator[tuple[int, list[bytes]]]:
    """A bare TCP server on 127.0.0.1 that accepts and then says nothing (or one canned line)."""
    import socket

    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()
    say: list[bytes] = []
    conns: list[socket.socket] = []

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            conns.append(conn)
            if say:
                with contextlib.suppress(OSError):
                    conn.sendall(say[0])

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], say
    finally:
        stop.set()
        thread.join(2)
        for c in conns:
            c.close()
        listener.close()


def test_tls_handshake_that_never_comes_is_cut_off(raw_tcp):
    port, _ = raw_tcp
    reason, detail, elapsed = one_reject(f"https://127.0.0.1:{port}/feed.xml")
    assert reason == "fetch_timeout" and elapsed < TIMEOUT + 1, detail


def test_garbage_instead_of_tls_is_a_fetch_failure(raw_tcp):
    port, say = raw_tcp
    say.append(b"HTTP/1.1 200 OK\r\n\r\nthis is not TLS\r\n")
    reason, detail, elapsed = one_reject(f"https://127.0.0.1:{port}/feed.xml")
    assert reason == "fetch_failed" and elapsed < TIMEOUT + 1, detail


def test_garbage_instead_of_http_is_a_fetch_failure(raw_tcp):
    port, say = raw_tcp
    say.append(b"\x00\x01garbage\r\n\r\n")
    reason, detail, _ = one_reject(f"http://127.0.0.1:{port}/feed.xml")
    assert reason == "fetch_failed", detail


def test_dns_lookups_are_bounded_by_the_deadline(monkeypatch):
    import socket

    def slow_lookup(*args, **kwargs):
        time.sleep(5)
        raise socket.gaierror("too late")

    monkeypatch.setattr(socket, "getaddrinfo", slow_lookup)
    reason, detail, elapsed = one_reject("http://feeds.example.org/rss.xml", SourceConfig(timeout_s=TIMEOUT))
    assert reason == "fetch_timeout" and "DNS" in detail and elapsed < TIMEOUT + 0.5


def test_dns_failures_are_fetch_failures(monkeypatch):
    import socket

    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    reason, detail, _ = one_reject("http://nowhere.invalid/rss.xml", SourceConfig(timeout_s=TIMEOUT))
    assert reason == "fetch_failed" and "cannot resolve" in detail


def test_names_resolving_to_private_addresses_are_refused(monkeypatch):
    """DNS names are judged by the addresses they resolve to (no connection is attempted)."""
    import socket

    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", 80))])
    reason, detail, _ = one_reject("http://metadata.example.org/latest", SourceConfig(timeout_s=TIMEOUT))
    assert reason == "blocked_url" and "169.254.169.254" in detail and "link-local" in detail
