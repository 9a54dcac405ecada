"""The book's two editions: English (the default) and German, from the same data and code.

A kernel runs one chapter in one language. ``bb.set_language("de")`` (the German edition's
set-up cell says so; see :mod:`.german_source`, which makes the German chapters from the
English code) switches what the helpers write: their words (:func:`tr`), the columns of
the data they read (:func:`column`), numbers and dates (:mod:`.formats`) and the charts'
number and date formats. The build of the German edition also sets ``BELARUS_BOOK_LANG``.

A word with no German entry in :mod:`.de_words` raises, so no English slips unnoticed into
the German edition.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

LANGUAGES = ("en", "de")
#: Set by the German edition's build for the kernels it starts.
LANG_ENV = "BELARUS_BOOK_LANG"

_current = [os.environ.get(LANG_ENV) or "en"]


def language() -> str:
    """The language the helpers write in: "en" or "de"."""
    return _current[0]


def set_language(lang: str) -> None:
    """Write in ``lang`` ("en" or "de") from now on, in this kernel."""
    if lang not in LANGUAGES:
        raise ValueError(f"the book has editions in {', '.join(LANGUAGES)}, not {lang!r}")
    _current[0] = lang
    _tables_in(lang)


def _tables_in(lang: str) -> None:
    """A code cell's printed table (a DataFrame's display) writes its decimals in the
    language's style: in German 56,6 and 40.000, not 56.6 and 40000.0; English keeps pandas'
    own format."""
    import math

    import pandas as pd

    from .formats import number

    def german(value: float) -> str:
        return number(round(value, 6)) if math.isfinite(value) else str(value)

    if lang == "de":
        pd.set_option("display.float_format", german)
    else:
        pd.reset_option("display.float_format")


@contextmanager
def speaking(lang: str):
    """Write in ``lang`` inside a ``with`` block, then in the language before it."""
    before = language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


def tr(text: str) -> str:
    """``text`` (English) in the current language."""
    if language() == "en":
        return text
    from .de_words import WORDS

    try:
        return WORDS[text]
    except KeyError:
        raise KeyError(f"no German for {text!r}: add it to belarus_book/i18n/de_words.py") from None


def column(name: str) -> str:
    """The column holding ``name``'s text in the current language: ``title_en`` for
    ``title_en`` in English, ``title_de`` in German; other names stay as they are."""
    if language() != "en" and name.endswith("_en"):
        return f"{name[:-3]}_{language()}"
    return name


def text_of(row, name: str):
    """A row's text in the current language: ``row[name]`` in English; in German the
    German column (``title_en`` -> ``title_de``, ``cite_as`` -> ``cite_as_de``), which must
    exist, so a table without German text fails loudly instead of showing English. None
    where the row has no such column at all. ``row``: a pandas row or a dict."""
    keys = row.keys()
    if name not in keys:
        return None
    if language() == "en":
        return row[name]
    german = f"{name.removesuffix('_en')}_{language()}"
    if german not in keys:
        raise KeyError(f"the data has no German column {german!r} for {name!r}")
    return row[german]


def translation_column() -> str:
    """The column of our translation of an excerpt: English (``excerpt_en``) in the English
    edition; in the German one a German rendering (``excerpt_de``) of excerpts that are not
    German, as German quotations stand as they are."""
    return f"excerpt_{language()}"
