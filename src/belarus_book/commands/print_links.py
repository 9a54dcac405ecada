"""Which PDFs a site offers, and its links to them: only PDFs printed from the pages the site
holds now, and a link only where its PDF is in the site.

``make pdf`` prints the published pages and records, beside the PDFs in ``_build/pdf/``
(``printed.json``), a key of every page each PDF was printed from. Whenever a site is
published (every build) or printed, :func:`offer_pdfs` puts into its ``_pdf/`` the PDFs whose
pages are unchanged, and adjusts the pages' links to match: a chapter's download box gets
its PDF link (in place of the build's mark), and any other link to a PDF that is not there
(the teaching kit lists them all) becomes plain text until it is. Both changes are undone
before a page's key is taken, so the key is that of the page as the build wrote it.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from ..web.layout import CHAPTER_PREFIX, EDITIONS, PDF_DIR, PDF_LINK_MARK, pdf_link_html, pdf_name

PRINTED = "printed.json"
_PDF_HREF = r'((?:\.\./)*' + re.escape(PDF_DIR) + r'/[^"/<>]+\.pdf)'
_LINK = re.compile(r'<a ([^>]*?)href="' + _PDF_HREF + r'"([^>]*)>([^<]*)</a>')
_HELD_BACK = re.compile(r'<span ([^>]*?)data-bb-pdf-href="' + _PDF_HREF + r'"([^>]*)>([^<]*)</span>')


def pages(site: Path) -> dict[str, Path]:
    """{pagename: file} of every HTML page of the site."""
    skip = {"_static", PDF_DIR, *filter(None, EDITIONS.values())}  # another edition's pages
    return {p.relative_to(site).with_suffix("").as_posix(): p for p in sorted(site.rglob("*.html"))
            if not skip.intersection(p.relative_to(site).parts)}


def as_built(text: str, pagename: str) -> str:
    """The page as the build wrote it: the PDF links this module changed, changed back."""
    text = text.replace(pdf_link_html(pagename), PDF_LINK_MARK)
    return _HELD_BACK.sub(r'<a \1href="\2"\3>\4</a>', text)


def with_links(text: str, pagename: str, site: Path, offered: set[str]) -> str:
    """A page as built, linking the PDFs ``offered`` in ``site``'s _pdf/ and no other PDF."""
    folder = (site / pagename).parent
    offered_paths = {(site / PDF_DIR / name).resolve() for name in offered}

    def hold_back(match: re.Match) -> str:
        if (folder / match.group(2)).resolve() in offered_paths:
            return match.group(0)
        return '<span {}data-bb-pdf-href="{}"{}>{}</span>'.format(*match.groups())

    text = _LINK.sub(hold_back, text)
    if pagename.startswith(CHAPTER_PREFIX) and pdf_name(pagename) in offered:
        text = text.replace(PDF_LINK_MARK, pdf_link_html(pagename))
    return text


def page_keys(site: Path) -> dict[str, str]:
    """{pagename: key} of every page as built, each key also covering the site's _static/
    (stylesheets, chart code and specs print with the page)."""
    static = hashlib.sha256()
    for path in sorted((site / "_static").rglob("*")):
        if path.is_file():
            static.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes())
    keys = {}
    for pagename, path in pages(site).items():
        page = as_built(path.read_text(encoding="utf-8"), pagename)
        keys[pagename] = hashlib.sha256(static.digest() + page.encode()).hexdigest()
    return keys


def record_printed(pdf_dir: Path, site: Path, printed: dict[str, list[str]]) -> None:
    """Write ``printed.json``: for each PDF file in ``pdf_dir``, the keys of the pages of
    ``site`` it was printed from (``printed``: {file name: [pagename, ...]})."""
    keys = page_keys(site)
    record = {name: {p: keys[p] for p in pagenames} for name, pagenames in printed.items()}
    (pdf_dir / PRINTED).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def current_pdfs(site: Path, pdf_dir: Path) -> list[str]:
    """The PDFs in ``pdf_dir`` printed from pages that ``site`` holds unchanged."""
    try:
        record = json.loads((pdf_dir / PRINTED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    keys = page_keys(site)
    return sorted(name for name, printed in record.items()
                  if (pdf_dir / name).is_file() and all(keys.get(p) == k for p, k in printed.items()))


def offer_pdfs(site: Path, pdf_dir: Path) -> list[str]:
    """Put the current PDFs of ``pdf_dir`` into ``site``'s _pdf/ (and no others), link them
    from its pages and unlink the rest; the names of the PDFs offered. Each file is replaced
    whole (written aside, then renamed), so a reader never gets half a page or half a PDF,
    and a PDF is in place before any link to it."""
    offered = current_pdfs(site, pdf_dir)
    target = site / PDF_DIR
    target.mkdir(exist_ok=True)
    for name in offered:
        if not (target / name).is_file() or not filecmp.cmp(pdf_dir / name, target / name, shallow=False):
            _replace(target / name, lambda aside, name=name: shutil.copyfile(pdf_dir / name, aside))
    for pagename, path in pages(site).items():
        text = path.read_text(encoding="utf-8")
        linked = with_links(as_built(text, pagename), pagename, site, set(offered))
        if linked != text:
            _replace(path, lambda aside, linked=linked: aside.write_text(linked, encoding="utf-8"))
    for stale in target.iterdir():
        if stale.name not in offered:
            stale.unlink()
    if not offered:
        target.rmdir()
    return offered


def _replace(path: Path, write) -> None:
    aside = path.with_name(f".{path.name}.new")
    write(aside)
    os.replace(aside, path)
