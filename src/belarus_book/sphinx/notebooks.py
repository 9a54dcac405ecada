"""Each chapter's notebook edition published at ``<site>/_downloads/notebooks/``.

The edition (:mod:`belarus_book.notebook_edition`: plain Markdown, charts any Jupyter draws)
is made from the executed notebook in the execution cache, with the built book's figure
numbers, section titles and glossary anchors, so the chapter's download box can offer it.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from sphinx.application import Sphinx
from sphinx.util import logging

from ..i18n import tr
from ..notebook_edition import References, make_edition
from ..web.layout import CHAPTER_PREFIX, NOTEBOOK_DIR, wheel_name
from .prerun import executed_notebook

logger = logging.getLogger(__name__)


def note_pages_read(app: Sphinx, env, docnames: list[str]) -> None:
    # The pages this build reads (all of them after a change to data/ or the package, which
    # changes the execution cache's path): only their notebooks can have changed.
    app.bb_pages_read = set(docnames)


def publish_notebooks(app: Sphinx, exception) -> None:
    """Write each chapter page's executed notebook (from the execution cache) into the site."""
    if exception is not None or app.builder.format != "html":
        return
    target_root = Path(app.outdir) / NOTEBOOK_DIR
    chapters = {d for d in app.env.found_docs if d.startswith(CHAPTER_PREFIX)}
    for stale in target_root.rglob("*.ipynb") if target_root.is_dir() else []:
        if stale.relative_to(target_root).with_suffix("").as_posix() not in chapters:
            stale.unlink()
    for docname in sorted(chapters):
        target = target_root / f"{docname}.ipynb"
        if target.is_file() and docname not in getattr(app, "bb_pages_read", chapters):
            continue
        notebook = executed_notebook(app.env, docname)
        if notebook is None:
            # A chapter page that is not a notebook would offer a dead link: say so loudly.
            logger.warning("no executed notebook for %s in the execution cache", docname)
            continue
        edition = make_edition(notebook, _references(app, docname), _intro(app, docname))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(nbformat.writes(edition), encoding="utf-8")


def _references(app: Sphinx, docname: str) -> References:
    """Figure numbers, section titles, glossary anchors and page titles of the built book."""
    env = app.env
    std = env.domaindata["std"]
    numrefs, refs = {}, {}
    for label, (doc, label_id, title) in std["labels"].items():
        number = env.toc_fignumbers.get(doc, {}).get("figure", {}).get(label_id)
        if number:
            numrefs[label] = f"{tr('Figure')} " + ".".join(map(str, number))
        if title:
            refs[label] = " ".join(title.split())
    terms = {name.lower(): f"{doc}#{anchor}"
             for (kind, name), (doc, anchor) in std["objects"].items() if kind == "term"}
    titles = {doc: node.astext() for doc, node in env.titles.items()}
    return References(docname, app.config.html_baseurl or "", numrefs, refs, terms, titles)


#: The notebook edition's first words (the German edition's: belarus_book.i18n.de_words).
INTRO = (
    "*This is the notebook edition of a chapter of “{title}” (edition {version}); the chapter "
    "with its glossary and data pages is on {where}. It opens with every number and chart in "
    "place. To run it again (Run All), first install the book's package, which brings the data "
    "tables: put the wheel `{wheel}` from the chapter's download box next to this notebook and "
    "run `%pip install {wheel}` in a cell (or `pip install` the book's repository address). "
    "Figure numbers are those of the whole book.*")


def _intro(app: Sphinx, docname: str) -> str:
    base = app.config.html_baseurl.rstrip("/")
    where = f"[{base}/{docname}.html]({base}/{docname}.html)" if base else tr("the book's web site")
    return tr(INTRO).format(title=app.config.html_title, version=app.config.version,
                            where=where, wheel=wheel_name())
