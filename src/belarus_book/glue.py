"""Numbers for the prose: a chapter computes a value in a cell and the text shows it.

On the web site, myst-nb pastes each glued value into the paragraph that names it
(``{glue:text}`name```). :func:`glue` writes the record myst-nb reads, in the form
``myst_nb.glue(name, value, display=False)`` writes it, so a chapter never needs myst-nb to
run: in a reader's own Jupyter (where the notebook edition already shows the numbers as
text) it writes nothing, and the cell shows no stray output.
"""

from __future__ import annotations

import os

#: Set by the book's build for the kernels it starts (see ``belarus_book.sphinx.prerun``).
BUILD_ENV = "BELARUS_BOOK_BUILD"
#: The prefix myst-nb expects on the mime types of a value glued without display.
GLUE_PREFIX = "application/papermill.record/"


def in_build() -> bool:
    """True while the book's build runs this kernel."""
    return bool(os.environ.get(BUILD_ENV))


def glue(name: str | None = None, value=None, /, **values) -> None:
    """Make values available to the page's text as ``{glue:text}`name```: one
    (``glue("n_polls", 3)``) or a paragraph's worth at once (``glue(low=35000, high=40000)``)."""
    if name is not None:
        values = {name: value, **values}
    from .data.shown import SHOWN

    for key, item in values.items():
        SHOWN.glue(key, item)
    if not in_build():
        return
    from IPython.core.formatters import format_display_data
    from IPython.display import display

    for key, item in values.items():
        bundle, metadata = format_display_data(item)
        metadata["scrapbook"] = {"name": key, "mime_prefix": GLUE_PREFIX}
        display({GLUE_PREFIX + mime: data for mime, data in bundle.items()}, raw=True,
                metadata=metadata)
