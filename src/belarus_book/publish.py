"""Sphinx extension: what publishing needs beyond the pages themselves.

- The book's version (one place: ``version`` in pyproject.toml, read through the installed
  package's metadata) in every page's footer and in ``html_context["book_version"]``.
- A link to each chapter's PDF (print edition, ``make pdf``) on the chapter page: inside
  the "Download this chapter" box when the page has one, otherwise right under the title.
  The link is a plain relative HTML link to ``_pdf/<chapter>.pdf``: the PDFs are made
  after the HTML build, so a Sphinx download role would fail a build without them.
- Each page's own description in its link-preview tags (``og:description``, ``description``):
  ``description`` from the page's front matter if given, else its first paragraph of text.
- ``sitemap.xml`` listing every page, written only when ``html_baseurl`` is set (a sitemap
  needs absolute addresses).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from xml.sax.saxutils import escape

from sphinx.application import Sphinx

DISTRIBUTION = "belarus-book"
CHAPTER_PREFIX = "chapters/"
# Where `make pdf` copies the PDFs inside the site, relative to the site root.
PDF_DIR = "_pdf"


def book_version() -> str:
    return metadata.version(DISTRIBUTION)


def pdf_name(pagename: str) -> str:
    """The PDF file of a page: ``chapters/mobilisation`` -> ``mobilisation.pdf``."""
    return pagename.rsplit("/", 1)[-1] + ".pdf"


def _add_version(app: Sphinx, config) -> None:
    version = book_version()
    note = f'<p class="bb-version">Edition {html.escape(version)}</p>'
    options = dict(config.html_theme_options or {})
    options["extra_footer"] = (options.get("extra_footer") or "") + note
    config.html_theme_options = options
    config.html_context = {**(config.html_context or {}), "book_version": version}
    if not config.version:
        config.version = config.release = version


def pdf_link_html(pagename: str, pathto) -> str:
    href = html.escape(pathto(f"{PDF_DIR}/{pdf_name(pagename)}", 1), quote=True)
    return (f'<a class="reference external bb-pdf-link" href="{href}">'
            f"{html.escape(pdf_name(pagename))} (this chapter as a PDF, for print)</a>")


def _add_pdf_link(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if not pagename.startswith(CHAPTER_PREFIX) or "body" not in context:
        return
    link = pdf_link_html(pagename, context["pathto"])
    body = context["body"]
    box = body.find('id="download-this-chapter"')
    end_of_list = body.find("</ul>", box) if box >= 0 else -1
    if end_of_list >= 0:
        context["body"] = body[:end_of_list] + f"<li>{link}</li>" + body[end_of_list:]
        return
    end_of_title = body.find("</h1>")
    cut = end_of_title + len("</h1>") if end_of_title >= 0 else 0
    context["body"] = body[:cut] + f'<p class="bb-pdf">{link}</p>' + body[cut:]


class _FirstParagraph(HTMLParser):
    """The text of the first paragraph of running text: outside boxes, cells and figures."""

    SKIP = ("admonition", "cell", "figure", "bb-downloads", "bb-pdf", "toctree", "topic", "sidebar")

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # per open element: does it start a skipped region?
        self.skipping = 0
        self.current: list[str] | None = None
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "input", "meta", "link", "wbr"):
            return
        classes = (dict(attrs).get("class") or "").split()
        skip = tag in ("figure", "table", "pre", "script", "style", "blockquote") or any(
            c in self.SKIP for c in classes)
        self.stack.append(skip)
        self.skipping += skip
        if tag == "p" and not self.skipping and self.current is None:
            self.current = []

    def handle_endtag(self, tag):
        if tag == "p" and self.current is not None:
            text = " ".join("".join(self.current).split())
            if len(text) >= 60:
                self.found.append(text)
            self.current = None
        if self.stack:
            self.skipping -= self.stack.pop()

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)


def page_description(body: str, limit: int = 200) -> str:
    """A link-preview description of a page: its first paragraph of text, shortened."""
    parser = _FirstParagraph()
    parser.feed(body)
    if not parser.found:
        return ""
    text = parser.found[0]
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text


_DESCRIPTION_TAGS = re.compile(r'(<meta (?:property="og:description"|name="description") content=")[^"]*(")')


def _page_description(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Give each page its own description in the social tags (the site's stays on the root)."""
    if pagename == app.config.root_doc or "body" not in context:
        return
    meta = context.get("meta") or {}
    description = meta.get("description") or page_description(context["body"])
    if description and context.get("metatags"):
        value = html.escape(description, quote=True)
        context["metatags"] = _DESCRIPTION_TAGS.sub(
            lambda m: m.group(1) + value + m.group(2), context["metatags"])


def sitemap_xml(baseurl: str, uris: list[str]) -> str:
    """A sitemap of ``uris`` (site-relative) under ``baseurl``."""
    base = baseurl if baseurl.endswith("/") else baseurl + "/"
    rows = "".join(f"  <url><loc>{escape(base + uri)}</loc></url>\n" for uri in uris)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{rows}</urlset>\n")


def write_sitemap(app: Sphinx, exception) -> Path | None:
    if exception is not None or app.builder.format != "html":
        return None
    baseurl = (app.config.html_baseurl or "").strip()
    if not baseurl:
        return None
    uris = [app.builder.get_target_uri(doc) for doc in sorted(app.env.found_docs)]
    path = Path(app.outdir) / "sitemap.xml"
    path.write_text(sitemap_xml(baseurl, uris), encoding="utf-8")
    return path


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _add_version)
    # After the download box (sphinx_ext, default priority 500), so the link goes into it.
    app.connect("html-page-context", _add_pdf_link, priority=600)
    # After the social tags (sphinx_ext): replaces the site-wide description per page.
    app.connect("html-page-context", _page_description, priority=600)
    app.connect("build-finished", write_sitemap)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
