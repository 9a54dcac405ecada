"""``sitemap.xml`` listing every page, written only when ``html_baseurl`` is set (a sitemap
needs absolute addresses)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from sphinx.application import Sphinx


def sitemap_xml(baseurl: str, uris: list[str]) -> str:
    """A sitemap of ``uris`` (site-relative) under ``baseurl``."""
    base = baseurl if baseurl.endswith("/") else baseurl + "/"
    rows = "".join(f"  <url><loc>{escape(base + uri)}</loc></url>\n" for uri in uris)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{rows}</urlset>\n")


def write_sitemap(app: Sphinx) -> Path | None:
    """The site's sitemap.xml, or None (and no file) without a base address."""
    baseurl = (app.config.html_baseurl or "").strip()
    if not baseurl:
        return None
    uris = [app.builder.get_target_uri(doc) for doc in sorted(app.env.found_docs)]
    path = Path(app.outdir) / "sitemap.xml"
    path.write_text(sitemap_xml(baseurl, uris), encoding="utf-8")
    return path


def write_after_build(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html":
        write_sitemap(app)
