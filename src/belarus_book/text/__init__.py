"""Text blocks every chapter needs in the same form: dates, quotations, tables, sources.

They are built from the tables, so a quotation on a page is always the verbatim excerpt
in ``data/quotes.csv`` with its translation and attribution, never a retyped copy. Every
value from the data is HTML-escaped, so text in a table can never become markup.

Every helper here that shows rows notes them in the chapter's record
(:mod:`belarus_book.data.shown`), so the "Sources" list at the end
(:func:`sources_list`) names exactly the sources behind what the reader saw.

The pieces live in modules of their own and are all reachable here, as chapters use them
(``bb.text.day``): HTML text in :mod:`~belarus_book.text.markup`, dates in
:mod:`~belarus_book.text.dates`, how sources are named and listed in :mod:`~belarus_book.text.sources`.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML, Markdown

from ..data import load
from ..data.shown import SHOWN
from ..i18n import language as edition
from ..i18n import text_of, tr, translation_column
from ..i18n.formats import Count
from .dates import date_label, day, day_month, month, ordinal, when
from .markup import QUOTE_PAIRS, balanced, esc, in_language, quoted
from .sources import SOURCE_ID, citation_html, language, name_sources, short_source, source_label, sources_list

__all__ = ["QUOTE_PAIRS", "SOURCE_ID", "SourceLog", "balanced", "citation_html", "count", "date_label", "day",
           "day_month", "esc", "excerpt_html", "html_table", "in_language", "language",
           "month", "name_sources", "ordinal", "quotation", "quoted", "short_source",
           "source_label", "sources_list", "table_html", "translation", "when"]

def count(n, german_one: str = "ein") -> Count:
    """A count for the prose (``bb.glue(n_articles=bb.text.count(5))``): the number, which
    the German edition writes in words up to twelve ("fünf"), as German house style does;
    ``german_one`` is the German for one where the sentence needs "einen" or "eine"."""
    return Count(n, german_one)


def excerpt_html(row, column: str = "excerpt") -> str:
    """A row's verbatim excerpt for display: quotation marks balanced, escaped, marked with
    the language of the row's source."""
    lang = language(row.get("source_id"))
    return in_language(balanced(row[column], lang), lang)


def table_html(frame: pd.DataFrame, columns: dict | None = None,
               caption: str | None = None, languages: dict | None = None) -> str:
    """An HTML table of ``frame`` as a string (for nesting, e.g. in a ``<details>`` fold).

    ``columns`` maps a column to its header and sets the order (default: every column,
    headed by its name). Every header, caption and cell is escaped: a ``<script>`` in the
    data shows as text and never becomes markup. Missing values show as empty cells.

    Cells in a language other than the page's English carry ``lang`` (WCAG 3.1.2):
    ``languages`` maps a column to one language code per row. Without it, an ``excerpt``
    column of a frame that has a ``source_id`` column gets the language of each row's source.
    """
    columns = dict(columns) if columns is not None else {c: c for c in frame.columns}
    languages = dict(languages or {})
    if "excerpt" in columns and "excerpt" not in languages and "source_id" in frame.columns:
        languages["excerpt"] = [language(s) for s in frame["source_id"]]
    langs = [list(languages.get(c, [])) or [None] * len(frame) for c in columns]
    head = "".join(f"<th>{esc(h)}</th>" for h in columns.values())

    def cell(value, lang) -> str:
        if lang and lang != edition() and not pd.isna(value) and str(value):
            return f'<td lang="{esc(lang, quote=True)}">{esc(value)}</td>'
        return f"<td>{esc(value)}</td>"

    body = "".join(
        "<tr>" + "".join(cell(v, langs[j][i]) for j, v in enumerate(row)) + "</tr>"
        for i, row in enumerate(frame[list(columns)].itertuples(index=False))
    )
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    # The container lets a wide table scroll sideways on a phone instead of the page.
    return (f'<div class="pst-scrollable-table-container"><table class="table">{cap}'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def html_table(frame: pd.DataFrame, columns: dict | None = None,
               caption: str | None = None, languages: dict | None = None) -> HTML:
    """:func:`table_html` ready to display as a cell's output."""
    return HTML(table_html(frame, columns, caption, languages))


class SourceLog:
    """Transitional: the chapters' old bookkeeping, now a view of the chapter's record
    (:mod:`belarus_book.data.shown`). Removed once no chapter uses it."""

    def use(self, rows, column: str = "source_id"):
        return SHOWN.rows(rows, column)

    def row(self, frame: pd.DataFrame, key):
        return SHOWN.rows(frame.loc[key])

    def quotation(self, quote_id: str) -> Markdown:
        return quotation(quote_id)

    @property
    def claim_ids(self) -> set[str]:
        return SHOWN.claim_ids

    def markdown(self) -> Markdown:
        return sources_list()


def shortened(text: str, limit: int = 80) -> str:
    """``text`` cut to at most ``limit`` characters, at a word where it can be, with "…"
    where anything was cut (a listing's short form of a long title or excerpt)."""
    text = str(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def group_label(code: str) -> str:
    """A comparison group (``conflict_group``) named for readers: "army size" for
    ``cg-army-size``; the German names are in :mod:`belarus_book.i18n.de_words`."""
    return tr(str(code).removeprefix("cg-").replace("-", " "))


def translation(row) -> str | None:
    """Our translation of a row's excerpt into the edition's language, or None where the
    excerpt already is in it (a German quotation in the German edition stands as it is)."""
    if language(row.get("source_id")) == edition():
        return None
    value = row.get(translation_column())
    return None if value is None or pd.isna(value) or value == "" else str(value)


def quotation(quote_id: str) -> Markdown:
    """A quotation: the original, our translation where the edition's language differs,
    and who said it where."""
    quotes = load("quotes").set_index("quote_id")
    people = load("people").set_index("person_id")
    q = SHOWN.rows(quotes.loc[quote_id])
    speaker = people.loc[q["person_id"]]
    occasion = text_of(q, "occasion_en")
    occasion = f", {esc(occasion)}" if not pd.isna(occasion) else ""
    lang = language(q["source_id"])
    lines = [f"> {in_language(balanced(q['excerpt'], lang), lang)}", ">"]
    translated = translation(q)
    if translated:
        lines += [f"> *{esc(translated)}* ({tr('our translation')})", ">"]
    lines.append(f"> — {esc(text_of(speaker, 'name'))} ({esc(text_of(speaker, 'role_en'))}){occasion}; "
                 f"{tr('reported by')} {esc(source_label(q['source_id']))}")
    note = text_of(q, "note")
    if not pd.isna(note) and str(note).strip():
        lines += [">", f"> {tr('Note')}: {esc(note)}"]
    return Markdown("\n".join(lines))


