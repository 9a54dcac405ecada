"""The one local server (belarus_book.commands.chromium.serve): plain for the tests and the
print edition, or like a static host (compressed, with cache headers) for Lighthouse."""

from __future__ import annotations

import gzip
import urllib.request

from belarus_book.commands import chromium


def fetch(url: str) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(response.headers), response.read()


def test_plain_serves_files_as_they_are(tmp_path):
    (tmp_path / "index.html").write_text("<p>page</p>", encoding="utf-8")
    with chromium.serve(tmp_path) as url:
        headers, body = fetch(url + "index.html")
    assert body == b"<p>page</p>" and "Content-Encoding" not in headers


def test_as_a_static_host_text_is_compressed_and_only_pages_revalidated(tmp_path):
    (tmp_path / "index.html").write_text("<p>page</p>", encoding="utf-8")
    (tmp_path / "app.js").write_text("let a = 1;", encoding="utf-8")
    (tmp_path / "mark.png").write_bytes(b"\x89PNG not text")
    with chromium.serve(tmp_path, static_host=True) as url:
        page, page_body = fetch(url)
        script, script_body = fetch(url + "app.js")
        image, image_body = fetch(url + "mark.png")
    assert page["Content-Encoding"] == "gzip" and gzip.decompress(page_body) == b"<p>page</p>"
    assert page["Cache-Control"] == "no-cache"
    assert gzip.decompress(script_body) == b"let a = 1;" and script["Cache-Control"] == "public, max-age=3600"
    assert "Content-Encoding" not in image and image_body == b"\x89PNG not text"
