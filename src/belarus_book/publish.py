"""Sphinx extension: what publishing needs beyond the pages themselves.

- The book's version (one place: ``version`` in pyproject.toml, read through the installed
  package's metadata) in every page's footer and in ``html_context["book_version"]``.
- The link to a chapter's PDF (print edition, ``make pdf``), used by the download box.
- Link previews: Open Graph and Twitter tags on every page, each page with its own
  description (``description`` from its front matter, else its first paragraph of text),
  and the book's SVG marks (logo, favicon, social card) rendered to PNG for clients that
  cannot use SVG.
- ``sitemap.xml`` listing every page, written only when ``html_baseurl`` is set (a sitemap
  needs absolute addresses).
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from xml.sax.saxutils import escape

import vl_convert
from sphinx.application import Sphinx

DISTRIBUTION = "belarus-book"
CHAPTER_PREFIX = "chapters/"
# Where `make pdf` copies the PDFs inside the site, relative to the site root.
PDF_DIR = "_pdf"


def book_version() -> str:
    return metadata.version(DISTRIBUTION)


# Where the package's wheel is published, relative to the site root (see wheel.py).
WHEEL_DIR = "_downloads"


def wheel_name(version: str | None = None) -> str:
    """The file name of the package's wheel."""
    return f"belarus_book-{version or book_version()}-py3-none-any.whl"


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


# Where a chapter's download box gets its PDF link. The HTML build cannot link a PDF that
# only `make pdf` makes afterwards (a fresh `make book` would offer a dead link), so the build
# leaves this mark and `make pdf` replaces it once the PDF is in the site (link_pdfs).
PDF_LINK_MARK = "<!-- the PDF link: added by make pdf -->"


def pdf_link_html(pagename: str) -> str:
    """A chapter page's list item linking its PDF (relative, so it works from file://)."""
    depth = pagename.count("/")
    href = html.escape("../" * depth + f"{PDF_DIR}/{pdf_name(pagename)}", quote=True)
    return (f'<li><a class="reference external bb-pdf-link" href="{href}">'
            f"{html.escape(pdf_name(pagename))} (this chapter as a PDF, for print)</a></li>")


def link_pdfs(site: Path) -> list[str]:
    """Put the PDF link into every chapter page whose PDF is in the site; their names."""
    linked = []
    for page in sorted((site / CHAPTER_PREFIX).glob("*.html")):
        pagename = page.relative_to(site).with_suffix("").as_posix()
        text = page.read_text(encoding="utf-8")
        if PDF_LINK_MARK in text and (site / PDF_DIR / pdf_name(pagename)).is_file():
            page.write_text(text.replace(PDF_LINK_MARK, pdf_link_html(pagename)), encoding="utf-8")
            linked.append(pagename)
    return linked


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


# SVGs in the book's _static/ rendered to PNG at build time (name -> scale), so the PNGs
# can never drift from the drawings and no binary file needs to live in the repository.
PNG_MARKS = {"logo.svg": 4.0, "favicon.svg": 6.0, "social-card.svg": 1.0}


def _render_marks(app: Sphinx, outdir: Path) -> None:
    for name, scale in PNG_MARKS.items():
        svg = Path(app.srcdir) / "_static" / name
        if svg.is_file():
            png = outdir / "_static" / Path(name).with_suffix(".png").name
            png.write_bytes(vl_convert.svg_to_png(svg.read_text(encoding="utf-8"), scale=scale))


def _social_tags(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Open Graph and Twitter tags, so a shared link shows the book's title and card.

    Scrapers want absolute addresses: with ``html.baseurl`` set (see _config.yml) the tags
    use it; without, they fall back to relative paths, which still serve a local preview.
    """
    base = (app.config.html_baseurl or "").rstrip("/")
    page_title = context.get("title") or ""
    # Jupyter Book sets the book's title as html_title (project stays Sphinx's default).
    book_title = app.config.html_title or app.config.project
    title = book_title if pagename == app.config.root_doc else f"{page_title} | {book_title}"
    image = (f"{base}/_static/social-card.png" if base
             else context["pathto"]("_static/social-card.png", 1))
    description = app.config.bb_social_description
    if pagename != app.config.root_doc:
        description = ((context.get("meta") or {}).get("description")
                       or page_description(context.get("body", "")) or description)
    tags = {
        "og:type": "website",
        "og:site_name": book_title,
        "og:title": title,
        "og:description": description,
        "og:image": image,
        "og:image:alt": f"{book_title}: logo and title",
    }
    if base:
        tags["og:url"] = f"{base}/{pagename}.html"
    lines = [f'<meta property="{k}" content="{html.escape(str(v), quote=True)}" />'
             for k, v in tags.items() if v]
    lines.append('<meta name="twitter:card" content="summary_large_image" />')
    lines.append(f'<meta name="description" content="{html.escape(description, quote=True)}" />')
    # A PNG icon for browsers that do not take the SVG favicon.
    lines.append(f'<link rel="icon" type="image/png" sizes="192x192" '
                 f'href="{context["pathto"]("_static/favicon.png", 1)}" />')
    lines.append(f'<link rel="apple-touch-icon" href="{context["pathto"]("_static/favicon.png", 1)}" />')
    context["metatags"] = context.get("metatags", "") + "\n".join(lines) + "\n"


def sitemap_xml(baseurl: str, uris: list[str]) -> str:
    """A sitemap of ``uris`` (site-relative) under ``baseurl``."""
    base = baseurl if baseurl.endswith("/") else baseurl + "/"
    rows = "".join(f"  <url><loc>{escape(base + uri)}</loc></url>\n" for uri in uris)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{rows}</urlset>\n")


def _write_publish_files(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    _render_marks(app, Path(app.outdir))
    write_sitemap(app, exception)


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
    app.connect("html-page-context", _social_tags)
    # The one-sentence description the home page's link preview shows; set in _config.yml.
    app.add_config_value("bb_social_description", "", "html")
    app.connect("build-finished", _write_publish_files)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
