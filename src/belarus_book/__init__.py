"""Plumbing for the book 'Belarus in Russia's war, 2022'.

Importing the package switches on the book's chart theme and its offline renderer, so a
chapter needs only::

    import altair as alt
    import belarus_book as bb

    figures = bb.load("figures")   # validated against data/datapackage.json, typed
"""

from . import charts
from .data import DataError, find_data_dir, load, validate_package

charts.enable()

__all__ = ["DataError", "charts", "find_data_dir", "load", "validate_package"]
