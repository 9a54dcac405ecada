"""Text blocks every chapter needs in the same form: quotations and source lists.

They are built from the tables, so a quotation on a page is always the verbatim excerpt
in ``data/quotes.csv`` with its translation and attribution, never a retyped copy. Every
value from the data is HTML-escaped, so text in a table can never become markup.
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import Markdown

from .data import load


def _esc(value) -> str:
    return "" if pd.isna(value) else html.escape(str(value), quote=False)


def source_label(source_id: str) -> str:
    """How the book cites a source in running text: its ``cite_as``."""
    sources = load("sources").set_index("source_id")
    return str(sources.loc[source_id, "cite_as"])


def quotation(quote_id: str) -> Markdown:
    """A quotation: German original, our English translation, and who said it where."""
    quotes = load("quotes").set_index("quote_id")
    people = load("people").set_index("person_id")
    q = quotes.loc[quote_id]
    speaker = people.loc[q["person_id"]]
    occasion = f", {_esc(q['occasion_en'])}" if not pd.isna(q["occasion_en"]) else ""
    lines = [
        f"> {_esc(q['excerpt'])}",
        ">",
        f"> *{_esc(q['excerpt_en'])}* (our translation)",
        ">",
        f"> — {_esc(speaker['name'])} ({_esc(speaker['role_en'])}){occasion}; "
        f"reported by {_esc(source_label(q['source_id']))}",
    ]
    if not pd.isna(q["note"]) and str(q["note"]).strip():
        lines += [">", f"> Note: {_esc(q['note'])}"]
    return Markdown("\n".join(lines))


def sources_list(source_ids) -> Markdown:
    """A chapter's "Sources" list: articles first, then outside sources, each once."""
    sources = load("sources").set_index("source_id")
    used = sources.loc[sorted(set(source_ids))]
    items = []
    for kind, heading in (("article", "Articles"), ("context", "Outside sources (context file)")):
        rows = used[used["kind"] == kind]
        if rows.empty:
            continue
        items.append(f"**{heading}**\n")
        for source_id, row in rows.iterrows():
            link = f" <{row['url']}>" if not pd.isna(row["url"]) and row["url"] else ""
            items.append(f"- `{source_id}`: {_esc(row['cite_as'])}{link}")
        items.append("")
    return Markdown("\n".join(items))
