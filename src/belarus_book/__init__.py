"""Plumbing for the book 'Belarus in Russia's war, 2022'.

In a notebook, importing the package switches on the book's chart theme and its offline
renderer, so a chapter needs only::

    import altair as alt
    import belarus_book as bb

    figures = bb.load("figures")   # validated against data/datapackage.json, typed
    bb.glue("n_figures", len(figures))   # for {glue:text}`n_figures` in the prose

The helpers for what every chapter shows the same way are modules of their own:
``bb.text`` (dates, quotations, source lists), ``bb.evidence`` (excerpts beside a claim),
``bb.geo`` (distances on the map) and ``bb.claims`` (the claims ledger and its statuses).

Outside a notebook the same happens the first time the package's data or chart functions
are used. The build's Sphinx extensions live in this package too: loading pandas and
Altair lazily keeps them (and every rebuild) from paying for imports they do not use.
"""

import importlib
import sys

_DATA_API = ("DataError", "cite", "find_data_dir", "load", "validate_package")
_MODULES = ("claims", "evidence", "geo", "text")

__all__ = ["charts", "glue", "set_language", *_MODULES, *_DATA_API]


# Bound here, before anything imports the module of the same name: importing a submodule
# sets the package attribute only when the submodule is first loaded, so bb.glue stays the
# function. (glue.py needs nothing but the standard library.)
from .glue import glue  # noqa: E402
from .i18n import set_language  # noqa: E402


def __getattr__(name: str):
    if name in _MODULES:
        importlib.import_module(f"{__name__}.charts")  # their tables and charts need it
        return importlib.import_module(f"{__name__}.{name}")
    if name == "charts" or name in _DATA_API:
        # import_module, not "from . import": that would look the name up here again.
        charts = importlib.import_module(f"{__name__}.charts")  # switches the renderer on
        return charts if name == "charts" else getattr(importlib.import_module(f"{__name__}.data"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _in_notebook() -> bool:
    ipython = sys.modules.get("IPython")
    return ipython is not None and ipython.get_ipython() is not None


if _in_notebook():
    importlib.import_module(f"{__name__}.charts")
