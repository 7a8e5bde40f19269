"""URLs and feeds against a real HTTP server on 127.0.0.1 (port 0, in a thread)."""

from __future__ import annotations

import resource
import time
from http.server import BaseHTTPRequestHandler

import pytest
from conftest import local_http_server

from kg.ingest import SourceOptions, iter_articles
from kg.sources.web import USER_AGENT

BODY = (
    "The envoy said on Monday that the talks between the two delegations would resume in Geneva "
    "next week. Officials from both sides met in the city last month, and the foreign ministry "
    "said that the meeting was constructive."
)


def page(title: str, canonical: str = "") -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f"<html><head><title>{title}</title>{link}"
        f'<meta property="og:site_name" content="Test Wire"></head>'
        f"<body><article><h1>{title}</h1><p>{BODY}</p></article></body></html>"
    ).encode()


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>One</title><link>{base}/article/1</link><pubDate>Wed, 11 Nov 2015 08:00:00 GMT</pubDate></item>
<item><title>Two</title><link>{base}/article/2</link></item>
<item><title>Gone</title><link>{base}/missing</link></item>
</channel></rss>"""

SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def send(self, status: int, ctype: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path
        if path.startswith("/article/"):
            self.send(200, "text/html; charset=utf-8", page(f"Story {path[9:]}", f"{base}/canonical{path}"))
        elif path == "/text":
            self.send(200, "text/plain; charset=utf-8", f"Plain story\n\n{BODY}".encode())
        elif path == "/missing":
            self.send(404, "text/html", b"<h1>Not found</h1>")
        elif path == "/slow":
            time.sleep(3)
            self.send(200, "text/html", page("Late"))
        elif path == "/loop":
            self.send(302, "text/html", b"", Location="/loop")
        elif path == "/pdf":
            self.send(200, "application/pdf", b"%PDF-1.4\n" + b"x" * 1000)
        elif path == "/feed":
            self.send(200, "application/rss+xml", FEED.format(base=base).encode())
        elif path == "/bad-feed":
            self.send(200, "application/rss+xml", b"this is {not} a feed at all")
        elif path == "/huge":
            # 2 GB, generated on the fly, no Content-Length: only streaming can cut it short
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"a" * (1024 * 1024 - 7) + b"</p>\n"
            try:
                for _ in range(2048):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(2 * 1024**3))
            self.end_headers()
        else:
            self.send(404, "text/plain", b"no route")


@pytest.fixture(scope="module")
def server():
    with local_http_server(Handler) as url:
        yield url


def run(*urls, **kw):
    kw.setdefault("timeout", 1.0)
    return list(iter_articles(list(urls), SourceOptions(**kw)))


def only_error(out) -> str:
    assert len(out) == 1 and isinstance(out[0][1], Exception), out
    return str(out[0][1])


def test_html_url_with_canonical_url_and_user_agent(server):
    [(origin, art)] = run(f"{server}/article/7")
    assert origin == f"{server}/article/7" and art.url == f"{server}/canonical/article/7"
    assert art.title == "Story 7" and art.publisher == "Test Wire" and art.language == "en"
    assert SEEN_AGENTS[-1] == USER_AGENT and USER_AGENT.startswith("kg/0.1 (")


def test_plain_text_url(server):
    [(_, art)] = run(f"{server}/text")
    assert art.title == "Plain story" and art.url == f"{server}/text"


def test_404(server):
    assert only_error(run(f"{server}/missing")) == f"{server}/missing: HTTP 404 Not Found"


def test_timeout(server):
    t = time.monotonic()
    msg = only_error(run(f"{server}/slow", timeout=0.5))
    assert msg == f"{server}/slow: timed out after 0.5 s" and time.monotonic() - t < 2.5


def test_redirect_loop(server):
    assert "more than 5 redirects" in only_error(run(f"{server}/loop"))


def test_non_html_content_type(server):
    msg = only_error(run(f"{server}/pdf"))
    assert msg == f"{server}/pdf: content type 'application/pdf' is not HTML, plain text or a feed"


def test_2gb_response_is_cut_at_the_cap_without_buffering_it(server):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    msg = only_error(run(f"{server}/huge", max_bytes=4 * 1024 * 1024))
    assert msg == f"{server}/huge: more than 4194304 bytes; stopped reading at the limit"
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100


def test_declared_length_over_cap_is_refused_before_reading(server):
    assert "2147483648 bytes is over the 20971520-byte limit" in only_error(run(f"{server}/big-declared"))


def test_feed_fetches_each_entry_and_reports_bad_ones(server):
    out = run(f"{server}/feed")
    assert [o for o, _ in out] == [f"{server}/article/1", f"{server}/article/2", f"{server}/missing"]
    one, two, gone = (a for _, a in out)
    assert one.title == "Story 1" and one.published is not None and one.published.isoformat() == "2015-11-11"
    assert two.publisher == "Test Wire"
    assert str(gone) == f"{server}/missing: HTTP 404 Not Found"


def test_malformed_feed(server):
    assert only_error(run(f"{server}/bad-feed")).startswith(
        f"{server}/bad-feed: not a valid RSS or Atom feed"
    )


def test_feed_flag_forces_feed_parsing(server):
    assert "not a valid RSS or Atom feed" in only_error(run(f"{server}/article/3", feed=True))


def test_connection_refused():
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    assert f"http://127.0.0.1:{port}/x: cannot connect" in only_error(run(f"http://127.0.0.1:{port}/x"))
