"""What each chapter used, as it recorded it while it ran (:mod:`belarus_book.data.shown`).

A chapter's last cell (its Sources list) leaves the record in the executed notebook: the
tables it loaded, the sources and the claims it showed. The download box and the claims
ledger read it here, so neither guesses from the chapter's source text.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util import logging

from ..data.shown import read_record
from ..notebook_edition import glue_values
from ..web.layout import CHAPTER_PREFIX
from .prerun import executed_notebook

logger = logging.getLogger(__name__)
EMPTY = {"tables": [], "sources": [], "claims": []}


def chapter_record(app: Sphinx, docname: str) -> dict:
    """The record a chapter left; a chapter that left none is a warning (so the strict
    build fails) and counts as having used nothing."""
    cache = app.__dict__.setdefault("_bb_records", {})
    if docname not in cache:
        notebook = executed_notebook(app.env, docname)
        record = read_record(glue_values(notebook)) if notebook is not None else None
        if record is None:
            logger.warning(f"{docname}: the chapter left no record of what it used; end it "
                           "with its Sources list, `bb.text.sources_list()`, which writes it",
                           location=docname)
        cache[docname] = record or EMPTY
    return cache[docname]


def chapter_records(app: Sphinx) -> dict[str, dict]:
    """{chapter slug: record} of every chapter in the book."""
    return {name.removeprefix(CHAPTER_PREFIX): chapter_record(app, name)
            for name in sorted(app.env.found_docs) if name.startswith(CHAPTER_PREFIX)}



def chapters_of_claims(app: Sphinx) -> dict[str, list[str]]:
    """{claim id: the chapters that showed it}, for the ledger."""
    shown: dict[str, list[str]] = {}
    for slug, record in chapter_records(app).items():
        for claim in record["claims"]:
            shown.setdefault(claim, []).append(slug)
    return shown
