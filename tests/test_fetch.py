"""Pages and feeds over http from a local server on 127.0.0.1: read like files, with limits."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from presssum import InputError
from presssum.load import load_articles
from presssum.readers.fetch import fetch
from presssum.records import Article, Failure
from tests.conftest import ROOT

PAGE = (ROOT / "tests" / "data" / "page-fr.html").read_bytes()
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Agence Presse Régionale</title><language>fr</language>
<item><title>Grève à la SNCF</title><link>http://127.0.0.1/greve</link><guid>apr-1</guid>
<description>&lt;p&gt;PARIS, 14 mars (APR) - La grève a commencé mardi matin.&lt;/p&gt;&lt;p&gt;Les trains
régionaux sont les plus touchés.&lt;/p&gt;</description></item>
<item><title>Sans texte</title><link>http://127.0.0.1/vide</link></item>
</channel></rss>""".encode()
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/page.html": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
    "/feed": (200, {"Content-Type": "application/rss+xml"}, RSS),
    "/moved": (302, {"Location": "/page.html"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/big": (200, {"Content-Type": "text/plain"}, b"x" * 50_000),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(2)
        status, headers, body = ROUTES.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_page_url_is_extracted_like_an_html_file(server: str) -> None:
    (article,) = load_articles([f"{server}/moved"])  # one redirect, then the page
    assert isinstance(article, Article)
    assert article.headline.startswith("Les agriculteurs bloquent l'autoroute A7")
    assert not any("cookies" in paragraph for paragraph in article.paragraphs)


def test_a_feed_url_gives_one_article_per_entry(server: str) -> None:
    entry, empty = load_articles([f"{server}/feed"])
    assert isinstance(entry, Article)
    assert entry.headline == "Grève à la SNCF"
    assert entry.dateline == "PARIS, 14 mars (APR) -"
    assert entry.paragraphs == ("La grève a commencé mardi matin.", "Les trains régionaux sont les plus touchés.")
    assert entry.source == "Agence Presse Régionale" and entry.url == "http://127.0.0.1/greve"
    assert isinstance(empty, Failure) and "without a title or text" in empty.error


@pytest.mark.parametrize(
    ("path", "message"),
    [("/loop", "redirects"), ("/big", "byte limit"), ("/missing", "HTTP 404")],
)
def test_fetch_limits_are_clear_failures(server: str, path: str, message: str) -> None:
    (failure,) = load_articles([f"{server}{path}"], max_bytes=10_000)
    assert isinstance(failure, Failure) and message in failure.error


def test_a_server_that_does_not_answer_times_out(server: str) -> None:
    with pytest.raises(InputError, match="no answer"):
        fetch(f"{server}/slow", max_bytes=10_000, timeout=0.5)
