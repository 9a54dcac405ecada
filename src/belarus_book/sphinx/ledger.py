"""The claims ledger page's build-time parts: its filter script (``claims_filter.js``, from
this package, on the ledger page only: it lives outside the book's ``_static/``, whose
scripts go on every page), and the chapters that show each claim, filled in from what each
chapter recorded when it ran (:mod:`.records`)."""

from __future__ import annotations

import re
from html import escape as esc

from sphinx.application import Sphinx

from ..i18n import tr
from ..web.layout import CHAPTER_PREFIX, CLAIMS_SCRIPT
from . import static_files
from .claims_role import LEDGER_DOC
from .records import chapters_of_claims

# The page element that needs the filters.
CLAIMS_MARK = 'id="claims-filter"'


def write_script(app: Sphinx) -> None:
    static_files.copy_script(app, "claims_filter.js", CLAIMS_SCRIPT)


def add_script(app: Sphinx, pagename: str, context: dict) -> None:
    if CLAIMS_MARK in context.get("body", ""):
        app.add_js_file(CLAIMS_SCRIPT, defer="defer")


_ROW = re.compile(r'(<tr data-claim="([^"]+)"[^>]*? data-chapters=")(")(.*?)(<td class="claim-chapters">)(</td>)', re.S)


def fill_chapters(app: Sphinx, pagename: str, context: dict) -> None:
    """Each ledger row's chapters: its ``data-chapters`` (the chapter filter reads it) and
    its Chapters cell, linking each chapter."""
    body = context.get("body", "")
    if CLAIMS_MARK not in body:
        return
    shown = chapters_of_claims(app)
    root = "../" * pagename.count("/")

    def fill(match: re.Match) -> str:
        slugs = shown.get(match.group(2), [])
        links = "<br>".join(
            f'<a href="{root}{CHAPTER_PREFIX}{esc(s, quote=True)}.html">'
            f'{esc(app.env.titles[CHAPTER_PREFIX + s].astext())}</a>' for s in slugs)
        return (match.group(1) + esc(" ".join(slugs) or "none", quote=True) + match.group(3)
                + match.group(4) + match.group(5) + (links or tr("none (kept for the record)"))
                + match.group(6))

    context["body"] = _ROW.sub(fill, body)


def reread_ledger(app: Sphinx, env, added, changed, removed) -> list[str]:
    """The ledger page is written again on every build: its chapters column comes from the
    chapters' records, which change when a chapter does, while its own source does not."""
    return [LEDGER_DOC] if LEDGER_DOC in env.found_docs else []
