"""URLs: a local HTTP server on 127.0.0.1 (no network), the address guard, limits, messages."""
from __future__ import annotations

import datetime
import gzip
import http.server
import socket
import threading
import time

import pytest

from timeline import fetch as fetch_module
from timeline.articles import read_articles
from timeline.errors import ArticleError
from timeline.fetch import check_address, fetch

LOCAL = {"127.0.0.1"}        # the guard allows the test server, and nothing else

PAGE = b"""<!DOCTYPE html><html><head><title>Envoys meet in Bern | Alpine Wire</title>
<meta property="og:site_name" content="Alpine Wire">
<meta property="article:published_time" content="2020-01-15T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<h1>Envoys meet in Bern</h1>
<p>BERN, Jan 15 (Alpine Wire) - Envoys from the two countries met in Bern on Wednesday for talks on a new rail tunnel, the transport ministry said.</p>
<p>They agreed to set up a joint commission and to meet again in March.</p>
</article><footer>Copyright Alpine Wire</footer></body></html>"""
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks end</title><link>https://wire.example/talks-end</link>
<pubDate>Wed, 15 Jan 2020 10:00:00 +0000</pubDate><description>The talks ended.</description></item>
</channel></rss>"""


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:                      # the client gave up (the timeout tests)
            pass

    def do_GET(self):
        port = self.server.server_address[1]
        routes = {
            "/page": lambda: self.send(200, PAGE),
            "/news/latest": lambda: self.send(200, FEED, "application/rss+xml"),
            "/moved": lambda: self.send(302, headers=[("Location", "/page")]),
            "/loop": lambda: self.send(302, headers=[("Location", "/loop")]),
            "/to-private": lambda: self.send(302, headers=[("Location", "http://10.0.0.1/x")]),
            "/to-other-loopback": lambda: self.send(
                302, headers=[("Location", f"http://127.0.0.2:{port}/page")]),
            "/missing": lambda: self.send(404, b"not here"),
            "/big": lambda: self.send(200, b"x" * 5000, "text/plain"),
            "/empty": lambda: self.send(200, b"", "text/plain"),
            "/gz": lambda: self.send(200, gzip.compress(FEED), "application/rss+xml",
                                     [("Content-Encoding", "gzip")]),
            "/gz-bomb": lambda: self.send(200, gzip.compress(b"\0" * 3_000_000), "text/plain",
                                          [("Content-Encoding", "gzip")]),
            "/slow": self.slow,
            "/trickle": self.trickle,
        }
        routes.get(self.path, lambda: self.send(404))()

    def slow(self):
        time.sleep(1.0)
        self.send(200, b"late", "text/plain")

    def trickle(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(20):
            try:
                self.wfile.write(b"x")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.05)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_reads_html_page_from_url(server):
    [article] = read_articles(f"{server}/page", allow_private=LOCAL)
    assert (article.title, article.source, article.published, article.published_from) == (
        "Envoys meet in Bern", "Alpine Wire", datetime.date(2020, 1, 15), "metadata")
    assert article.text == (
        "BERN, Jan 15 (Alpine Wire) - Envoys from the two countries met in Bern on Wednesday for "
        "talks on a new rail tunnel, the transport ministry said.\n\n"
        "They agreed to set up a joint commission and to meet again in March.")
    assert (article.path, article.url, article.dateline_place) == (
        f"{server}/page", f"{server}/page", "BERN")


def test_fetch_takes_format_from_content_type_and_content(server):
    [article] = read_articles(f"{server}/news/latest", allow_private=LOCAL)
    assert (article.title, article.text, article.url) == (
        "Talks end", "The talks ended.", "https://wire.example/talks-end")


def test_fetch_unpacks_gzip_responses(server):
    assert fetch(f"{server}/gz", allow_private=LOCAL).data == FEED


def test_fetch_follows_redirects_and_records_final_url(server):
    response = fetch(f"{server}/moved", allow_private=LOCAL)
    assert (response.url, response.status, response.data) == (f"{server}/page", 200, PAGE)
    assert response.content_type == "text/html; charset=utf-8"


@pytest.mark.parametrize("path,kwargs,problem", [
    ("/loop", {}, "too many redirects (more than 5)"),
    ("/to-private", {}, "redirected to http://10.0.0.1/x: refused: 10.0.0.1 is a private address "
                        "(allow_private=True reads from it)"),
    ("/to-other-loopback", {}, "redirected to http://127.0.0.2:{port}/page: refused: 127.0.0.2 is "
                               "a loopback address (allow_private=True reads from it)"),
    ("/missing", {}, "the server answered 404 Not Found"),
    ("/big", {"max_bytes": 1000},
     "the response is too large (5 kB; the limit is 1 kB)"),
    ("/gz-bomb", {"max_bytes": 1_000_000},
     "the response is too large (more than 1 MB; the limit is 1 MB)"),
    ("/slow", {"timeout": 0.3}, "timed out after 0.3 s"),
    ("/trickle", {"timeout": 0.3}, "timed out after 0.3 s"),
])
def test_fetch_failures_name_the_url_and_the_problem(server, path, kwargs, problem):
    with pytest.raises(ArticleError) as info:
        fetch(f"{server}{path}", allow_private=LOCAL, **kwargs)
    port = server.rsplit(":", 1)[1]
    assert str(info.value) == f"{server}{path}: {problem.replace('{port}', port)}"
    assert info.value.path == f"{server}{path}"


def test_fetch_empty_body_is_an_empty_file(server):
    with pytest.raises(ArticleError) as info:
        read_articles(f"{server}/empty", allow_private=LOCAL)
    assert str(info.value) == f"{server}/empty: file is empty"


@pytest.mark.parametrize("host,problem", [
    ("127.0.0.1", "127.0.0.1 is a loopback address"),
    ("10.0.0.1", "10.0.0.1 is a private address"),
    ("169.254.169.254", "169.254.169.254 is a link-local address"),
    ("[::1]", "::1 is a loopback address"),
    ("192.168.1.20", "192.168.1.20 is a private address"),
    ("224.0.0.251", "224.0.0.251 is a multicast address"),
    ("0.0.0.0", "0.0.0.0 is an unspecified address"),
    ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1 is a loopback address"),
    ("[fe80::1]", "fe80::1 is a link-local address"),
])
def test_fetch_guard_refuses_private_addresses_by_default(host, problem):
    url = f"http://{host}:9/article"
    with pytest.raises(ArticleError) as info:
        fetch(url)
    assert str(info.value) == f"{url}: refused: {problem} (allow_private=True reads from it)"
    report = []
    assert read_articles(url, report=report) == []
    assert [str(e) for e in report] == [str(info.value)]


def test_fetch_guard_allows_public_addresses_and_what_it_is_told():
    assert check_address("93.184.215.14", 80) == ["93.184.215.14"]
    assert check_address("10.1.2.3", 80, fetch_module._allowed({"10.0.0.0/8"})) == ["10.1.2.3"]
    assert check_address("127.0.0.1", 80, fetch_module._allowed(True)) == ["127.0.0.1"]
    with pytest.raises(ValueError, match="allow_private: "):
        fetch("http://x.example/", allow_private={"not an address"})


def test_fetch_without_network_says_so(monkeypatch):
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", no_dns)
    with pytest.raises(ArticleError) as info:
        read_articles("https://news.example.com/story")
    assert str(info.value) == (
        "https://news.example.com/story: cannot look up news.example.com (no network, or no such "
        "host: Temporary failure in name resolution)")


@pytest.mark.parametrize("url,problem", [
    ("ftp://x.example/a.txt", None),
    ("http:///nohost", "no host in the URL"),
    ("http://127.0.0.1:99999/", "not a valid address (Port out of range 0-65535)"),
    ("http://a..b/", "not a valid host name: a..b"),
])
def test_fetch_refuses_other_schemes_and_hostless_urls(url, problem):
    with pytest.raises(ArticleError) as info:
        fetch(url)
    assert str(info.value) == f"{url}: {problem or 'only http and https URLs can be read'}"


def test_fetch_https_to_a_plain_server_fails_clearly(server):
    url = server.replace("http://", "https://") + "/page"
    with pytest.raises(ArticleError) as info:
        fetch(url, allow_private=LOCAL)
    assert str(info.value) == f"{url}: secure connection failed (WRONG_VERSION_NUMBER)"


def test_fetch_connection_refused(server):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ArticleError) as info:
        fetch(f"http://127.0.0.1:{port}/", allow_private=LOCAL)
    assert str(info.value) == f"http://127.0.0.1:{port}/: connection refused by 127.0.0.1:{port}"


def test_fetch_list_of_urls_and_files_goes_on_after_a_bad_one(server, tmp_path):
    (tmp_path / "a.txt").write_text("Local note\n\nThe envoy left.")
    report = []
    articles = read_articles([f"{server}/missing", f"{server}/page", tmp_path / "a.txt"],
                             allow_private=LOCAL, report=report)
    assert [a.title for a in articles] == ["Envoys meet in Bern", "Local note"]
    assert [str(e) for e in report] == [f"{server}/missing: the server answered 404 Not Found"]
