"""Serving the built site (the one local server) and driving Debian's Chromium: the print
edition, the tests and `make bench`.

Chromium comes from Debian (`apt-get install chromium`), never from `playwright install`,
which would download a browser build this machine cannot fetch.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

# BELARUS_BOOK_CHROMIUM names another build (for example a CI runner's chromium-browser).
CHROMIUM = os.environ.get("BELARUS_BOOK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"

# Flags measured to run headless as root on these machines without the browser trying
# to reach Google's services (which the closed network refuses, noisily).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# What a copy of the book for a test build or the benchmark leaves out: build output,
# environments and caches, which would make the copy slow and the build not cold.
COPY_IGNORE = shutil.ignore_patterns(
    "_build", ".venv", ".git", "dist", "node_modules", ".pytest_cache")


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args) -> None:
        pass


# What static hosts (GitHub Pages, Netlify, nginx's gzip_types) compress.
_COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".ipynb", ".md"}


class _StaticHostHandler(_QuietHandler):
    """Gzip for text, and the cache headers of a typical static host: pages are revalidated,
    everything else is kept for an hour (asset URLs carry a digest, but not all of them)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and path.suffix in _COMPRESSED and wants_gzip):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        path = Path(self.translate_path(self.path))
        page = path.suffix == ".html" or path.is_dir()
        self.send_header("Cache-Control", "no-cache" if page else "public, max-age=3600")
        super().end_headers()


@contextlib.contextmanager
def serve(directory: Path, static_host: bool = False) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) and yield its base URL. ``static_host``:
    compressed and with cache headers, as GitHub Pages would serve it (for Lighthouse)."""
    handler = functools.partial(_StaticHostHandler if static_host else _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):
    """Debian's Chromium, headless, with a fresh profile (Playwright makes a new one)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def wait_for_charts(page, timeout_ms: int = 20_000) -> int:
    """Draw every chart on the page and wait until they are drawn; return how many there are."""
    count = page.locator(".vega-chart").count()
    if count:
        # A live chart is drawn when a reader reaches for it (chart_loader.js): draw them all.
        page.wait_for_function("() => window.bookDrawAllCharts !== undefined", timeout=timeout_ms)
        page.evaluate("() => { window.bookDrawAllCharts(); }")
        page.wait_for_function(
            "() => document.documentElement.dataset.chartsDrawn !== undefined",
            timeout=timeout_ms,
        )
    return count


def html_pages(site: Path) -> list[Path]:
    """The book's own pages (Sphinx's generated index and search pages excluded)."""
    skip = {"genindex.html", "search.html"}
    return sorted(p for p in site.rglob("*.html") if p.name not in skip and "_static" not in p.parts)


def chart_specs(site: Path, page: Path) -> list[dict]:
    """The (Vega) specs of a built page's charts, in page order (from the page's own
    specs file, written by the Sphinx extension; see :mod:`belarus_book.web.chart_html`)."""
    from ..web.chart_html import read_specs_script
    from ..web.layout import CHART_SPECS_DIR, GERMAN_DIR

    relative = page.relative_to(site)
    if relative.parts[0] == GERMAN_DIR:  # the German edition has its own _static/
        site, relative = site / GERMAN_DIR, relative.relative_to(GERMAN_DIR)
    path = site / "_static" / CHART_SPECS_DIR / relative.with_suffix(".js")
    return read_specs_script(path.read_text(encoding="ascii")) if path.is_file() else []
