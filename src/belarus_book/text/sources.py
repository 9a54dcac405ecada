"""Sources as readers know them: their language, names, and a chapter's "Sources" list.

Our row ids (art-000, KD-04) stay on the Data page; everywhere else a source is named by
the ``cite_as`` or ``short_name`` of its row in ``data/sources.csv``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pandas as pd
from IPython.display import Markdown

from ..data import load
from ..data.shown import RECORD_NAME, SHOWN
from ..glue import glue
from ..i18n import language as edition
from ..i18n import text_of, tr
from .markup import esc


def language(source_id) -> str:
    """The language of a source's text ("de", "en", "ru", ...), from ``sources.language``;
    "en" where the source is unknown or the column is empty."""
    sources = load("sources").set_index("source_id")
    if pd.isna(source_id) or source_id not in sources.index:
        return "en"
    value = sources.loc[source_id, "language"]
    return "en" if pd.isna(value) or not str(value).strip() else str(value).strip()


def source_label(source_id: str) -> str:
    """How the book cites a source in running text: its ``cite_as``."""
    sources = load("sources").set_index("source_id")
    return str(text_of(sources.loc[source_id], "cite_as"))



def citation_html(source_id: str) -> str:
    """A source's citation (``cite_as``) as HTML: escaped, and its title, the part in
    quotation marks, marked with the source's language where that is not the edition's, so
    a German page quoting an English headline says so (WCAG 3.1.2)."""
    text = esc(source_label(source_id))
    lang = language(source_id)
    if lang == edition():
        return text
    return re.sub(r"([„“«])([^„“”»]+)([“”»])",
                  lambda m: f'{m.group(1)}<span lang="{lang}">{m.group(2)}</span>{m.group(3)}', text)


def short_source(source_id: str) -> str:
    """A source's short name for chart labels and tables: "ntv.de", "taz", "Reuters"."""
    sources = load("sources").set_index("source_id")
    return str(text_of(sources.loc[source_id], "short_name"))

#: Our row ids for sources: the articles (art-000) and outside facts (KD-04, MIL-01 ...).
SOURCE_ID = re.compile(r"\b(?:(?:the )?context (?:fact |file |record )?)?"
                       r"(art-\d{3}|(?:US|KD|PP|PO|EC|MIL|GEO|CO)-\d{2})\b")


def name_sources(text) -> str:
    """``text`` (a note or date resolution from the data) with our source ids replaced by the
    names readers know: "day from context KD-06" -> "day from Reuters". Ids unknown to the
    sources table are left as they are."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    sources = load("sources").set_index("source_id")

    def named(match):
        sid = match.group(1)
        if sid not in sources.index:
            return match.group(0)
        name = str(text_of(sources.loc[sid], "short_name"))
        english_article = edition() == "en" and sid.startswith("art-") and "." not in name
        return f"the {name}" if english_article else name

    text = re.sub(r"the context file's caution", "a note on the outside source", str(text))
    names = {str(text_of(sources.loc[sid], "short_name")) for sid in SOURCE_ID.findall(text)
             if sid in sources.index}
    text = SOURCE_ID.sub(named, text)
    # A text that named the source and then its id ("Horizon Weekly, KD-05, has ...") would name
    # it twice: "Horizon Weekly, Horizon Weekly, has" / "Horizon Weekly (Horizon Weekly)".
    for name in sorted(names, key=len, reverse=True):
        for twice in (f"{name}, {name},", f"{name} ({name})", f"{name}, {name}"):
            text = text.replace(twice, name)
    return text


def _site_name(url: str) -> str:
    """A link's text in the Sources list: the site it leads to ("straitstimes.com"). The
    whole address is the link's target, and the print edition writes it out after the link
    (print.css), so writing it as the text too would print it twice."""
    host = urlsplit(url).hostname or url
    return esc(host.removeprefix("www."))


def sources_list(source_ids=None) -> Markdown:
    """A chapter's "Sources" list: articles first, then outside sources, each once.

    Each is named as readers know it (its ``cite_as``), with a link where its address is
    known; our row ids stay on the Data page. Two rows read from the same page are listed once.

    Without ``source_ids``: the sources of every row the chapter showed. This is the chapter's
    last cell, so while the book is built it also leaves the chapter's record (the tables it
    loaded, the claims it showed) for the claims ledger and the download box.
    """
    if source_ids is None:
        source_ids = SHOWN.sources
        glue(RECORD_NAME, SHOWN.as_json())
    sources = load("sources", record=False).set_index("source_id")
    used = sources.loc[sorted(set(source_ids))]
    items = []
    for kind, heading in (("article", tr("Articles")), ("context", tr("Outside sources"))):
        rows = used[used["kind"] == kind]
        if rows.empty:
            continue
        items.append(f"**{heading}**\n")
        seen = set()
        for _, row in rows.iterrows():
            url = row["url"] if not pd.isna(row["url"]) else ""
            cite_as = text_of(row, "cite_as")
            if (cite_as, url) in seen:
                continue
            seen.add((cite_as, url))
            link = f" ([{_site_name(url)}](<{url}>))" if url else ""
            items.append(f"- {citation_html(row.name)}{link}")
        items.append("")
    return Markdown("\n".join(items))
