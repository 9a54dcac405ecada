"""What each chapter used, as it recorded it while it ran (:mod:`belarus_book.data.shown`).

A chapter's last cell (its Sources list) leaves the record in the executed notebook: the
tables it loaded, the sources and the claims it showed. The download box and the claims
ledger read it here, so neither guesses from the chapter's source text.
"""

from __future__ import annotations

import json
from pathlib import Path

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


def _summary(app: Sphinx) -> dict[str, dict]:
    """What must be the same in both editions, page by page: each chapter's record (claims,
    glued numbers, what its charts draw, tables) and every page's labels (sections, figures,
    exercises)."""
    summary: dict[str, dict] = {name: {"labels": []} for name in sorted(app.env.found_docs)}
    for label, (docname, _id, _title) in app.env.domaindata["std"]["labels"].items():
        if docname in summary:
            summary[docname]["labels"].append(label)
    for name in summary:
        summary[name]["labels"].sort()
        if name.startswith(CHAPTER_PREFIX):
            summary[name].update(chapter_record(app, name))
    return summary


def _differences(english: dict, other: dict) -> list[str]:
    found = []
    for page in sorted(set(english) | set(other)):
        if page not in english or page not in other:
            found.append(f"{page}: in one edition only")
            continue
        for key in sorted(set(english[page]) | set(other[page])):
            if english[page].get(key) != other[page].get(key):
                found.append(f"{page}: its {key} differ between the editions")
    return found


def compare_editions(app: Sphinx, exception) -> None:
    """Write what this edition drew and glued (``_build/editions/<lang>.json``); the German
    edition, built after the English one, must match it, or the build fails."""
    if exception is not None or app.builder.format != "html":
        return
    root = (Path(app.srcdir) / app.config.bb_project_root).resolve()
    folder = root / "_build" / "editions"
    folder.mkdir(parents=True, exist_ok=True)
    lang = app.config.language or "en"
    summary = _summary(app)
    (folder / f"{lang}.json").write_text(json.dumps(summary, indent=1, sort_keys=True), encoding="utf-8")
    if lang == "en":
        return
    english = folder / "en.json"
    if not english.is_file():
        logger.warning(f"no record of the English edition in {english}: build it first (make book)")
        return
    for difference in _differences(json.loads(english.read_text(encoding="utf-8")), summary):
        logger.warning(f"the editions drift apart: {difference}")
