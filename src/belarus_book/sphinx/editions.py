"""The book's two editions, English at the site's root and German under ``de/``: each
page links to the same page in the other edition, numbers glued into German text are
written the German way, and the build's own words follow the edition's language.

``bb_editions`` (in each edition's Sphinx config) maps the other edition's language to its
root, relative to this edition's root: ``{"de": "de/"}`` in English, ``{"en": "../"}`` in
German (see :mod:`belarus_book.i18n.edition_tree`).
"""

from __future__ import annotations

import html
import os
from urllib.parse import urljoin

from docutils import nodes
from sphinx.application import Sphinx

from ..i18n import LANG_ENV, set_language, tr
from ..i18n.formats import german_number, german_number_word
from ..web.layout import GERMAN_DIR

#: How each edition names itself in the other's language switch.
NAMES = {"en": "English", "de": "Deutsch"}


def speak_the_editions_language(app: Sphinx, config) -> None:
    """The build's own words (download box, notebook intro) and its kernels' in the
    edition's language (the kernels inherit this process's environment)."""
    language = config.language if config.language in NAMES else "en"
    set_language(language)
    os.environ[LANG_ENV] = language
    # The theme's search field: Jupyter Book sets its placeholder in English for every book.
    options = dict(config.html_theme_options or {})
    options["search_bar_text"] = tr("Search this book…")
    config.html_theme_options = options


def _beside(node: nodes.Node, step: int) -> str:
    """Some of the text just before (``step`` -1) or after (1) ``node`` in its paragraph,
    across the inline markup it sits in ("**3** Tage")."""
    parts: list[str] = []
    while node.parent is not None and sum(map(len, parts)) < 24:
        siblings = node.parent.children
        at = siblings.index(node) + step
        while 0 <= at < len(siblings) and sum(map(len, parts)) < 24:
            parts.append(siblings[at].astext())
            at += step
        if not isinstance(node.parent, nodes.Inline):
            break
        node = node.parent
    return "".join(reversed(parts)) if step < 0 else "".join(parts)


def glued_numbers_in_german(app: Sphinx, doctree, docname: str) -> None:
    """Numbers glued into the text (``{glue:text}`n:,```) take German separators in the
    German edition, and those from two to twelve in running text are written as words
    ("drei Tage"); the chapters glue numbers, not English text, so one format spec serves
    both editions."""
    if app.config.language != "de":
        return
    for node in list(doctree.findall(nodes.inline)):
        if "pasted-text" in node.get("classes", []) and len(node.children) == 1:
            text = node.astext()
            german = german_number_word(german_number(text), _beside(node, -1), _beside(node, 1))
            if german != text:
                node.replace(node.children[0], nodes.Text(german))


def _root(pagename: str) -> str:
    return "../" * pagename.count("/")


def link_editions(app: Sphinx, pagename: str, context: dict) -> None:
    """A language switch at the top of the page and, where the site's address is known
    (``html_baseurl``), ``hreflang`` alternates in its head: search engines take only full
    addresses there, so an offline copy has the switch alone."""
    editions = app.config.bb_editions or {}
    if not editions or "body" not in context:
        return
    own = app.config.language or "en"
    hrefs = {lang: f"{_root(pagename)}{root}{pagename}.html" for lang, root in editions.items()}
    links = [f'<a href="{html.escape(href, quote=True)}" hreflang="{lang}" lang="{lang}">{NAMES[lang]}</a>'
             for lang, href in hrefs.items()]
    base = app.config.html_baseurl
    if base:
        # The German edition is published under de/ of the site the English one is.
        edition_root = urljoin(base.rstrip("/") + "/", "" if own == "en" else f"{GERMAN_DIR}/")
        here = urljoin(edition_root, f"{pagename}.html")
        hrefs[own] = here
        context["metatags"] = context.get("metatags", "") + "\n".join(
            f'<link rel="alternate" hreflang="{lang}" href="{html.escape(urljoin(here, href), quote=True)}">'
            for lang, href in sorted(hrefs.items()))
    label = "Sprache" if own == "de" else "Language"
    switch = f'<nav class="bb-editions" aria-label="{label}">{" ".join(links)}</nav>'
    context["body"] = switch + context["body"]


def setup_editions(app: Sphinx) -> None:
    app.add_config_value("bb_editions", {}, "html")
    # Where the book's own folder is, relative to the sources: "" but for the German edition.
    app.add_config_value("bb_project_root", "", "env")
    app.connect("config-inited", speak_the_editions_language)
    app.connect("doctree-resolved", glued_numbers_in_german)
