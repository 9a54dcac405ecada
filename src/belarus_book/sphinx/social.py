"""Link previews: Open Graph and Twitter tags on every page, each page with its own
description (``description`` from its front matter, else its first paragraph of text), and
the book's SVG marks (logo, favicon, social card) rendered to PNG for the clients (link
previews among them) that cannot use SVG.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

import vl_convert
from sphinx.application import Sphinx


class _FirstParagraph(HTMLParser):
    """The text of the first paragraph of running text: outside boxes, cells and figures."""

    SKIP = ("admonition", "cell", "figure", "bb-downloads", "toctree", "topic", "sidebar")

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


def render_marks(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for name, scale in PNG_MARKS.items():
        svg = Path(app.srcdir) / "_static" / name
        if svg.is_file():
            png = outdir / "_static" / Path(name).with_suffix(".png").name
            png.write_bytes(vl_convert.svg_to_png(svg.read_text(encoding="utf-8"), scale=scale))


def social_tags(app: Sphinx, pagename: str, context: dict) -> None:
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
