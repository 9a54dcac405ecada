"""Text blocks every chapter needs in the same form: dates, quotations, tables, sources.

They are built from the tables, so a quotation on a page is always the verbatim excerpt
in ``data/quotes.csv`` with its translation and attribution, never a retyped copy. Every
value from the data is HTML-escaped, so text in a table can never become markup.

A chapter keeps one :class:`SourceLog`: every row it shows goes through it, so the
"Sources" list at the end names exactly the sources behind what the reader saw.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pandas as pd
from IPython.display import HTML, Markdown

from .data import load


def esc(value, quote: bool = False) -> str:
    """A value from the data as HTML text: escaped, so it can never become markup; missing
    values become "". Pass ``quote=True`` for a value inside an attribute (``href="..."``)."""
    return "" if pd.isna(value) else html.escape(str(value), quote=quote)


#: Quotation marks that open and close a quotation, per language of the excerpt. German
#: opens with „ and closes with “ (or uses guillemets, as the Swiss daily does); English
#: closes single quotes with ’, which is also the apostrophe, so it is left alone.
QUOTE_PAIRS = {
    "de": (("„", "“"), ("«", "»"), ("‚", "‘"), ("‹", "›")),
    "en": (("“", "”"),),
}


def balanced(text: str, language: str = "de") -> str:
    """``text`` with its quotation marks balanced, for display only (the data stays verbatim).

    An excerpt cut from a longer quotation can begin inside it (a closing mark with no
    opening one) or stop inside it (an opening mark never closed). The missing marks are
    added at the start or at the end, so the reader sees a whole quotation::

        balanced("wir töten niemanden“, sagte er.")  ->  "„wir töten niemanden“, sagte er."
    """
    text = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    pairs = QUOTE_PAIRS.get(language, QUOTE_PAIRS["en"])
    closes = {closing: opening for opening, closing in pairs}
    opens = {opening: closing for opening, closing in pairs}
    stack, missing = [], []  # marks still open; openings the excerpt lacks
    for char in text:
        if char in opens:
            stack.append(char)
        elif char in closes:
            if closes[char] in stack:
                while stack and stack.pop() != closes[char]:
                    pass
            else:
                missing.append(closes[char])
    return "".join(reversed(missing)) + text + "".join(opens[o] for o in reversed(stack))


def language(source_id) -> str:
    """The language of a source's text ("de", "en", "ru", ...), from ``sources.language``;
    "en" where the source is unknown or the column is empty."""
    sources = load("sources").set_index("source_id")
    if pd.isna(source_id) or source_id not in sources.index:
        return "en"
    value = sources.loc[source_id, "language"]
    return "en" if pd.isna(value) or not str(value).strip() else str(value).strip()


def in_language(text, lang: str) -> str:
    """Escaped ``text``; wrapped in ``<span lang="..">`` when it is not English, the page's
    language, so screen readers pronounce it right (WCAG 3.1.2). The span is inline HTML,
    which Markdown outputs and HTML tables both carry."""
    body = esc(text)
    return body if lang == "en" else f'<span lang="{esc(lang, quote=True)}">{body}</span>'


def excerpt_html(row, column: str = "excerpt") -> str:
    """A row's verbatim excerpt for display: quotation marks balanced, escaped, marked with
    the language of the row's source."""
    lang = language(row.get("source_id"))
    return in_language(balanced(row[column], lang), lang)


def date_label(ts, precision: str = "day", end=None, short: bool = False,
               weekday: bool = False) -> str:
    """A date as precise as its source: "2022", "December 2022", "19 December 2022",
    "17–21 December 2022" (``precision="range"`` with ``end``).

    ``short`` abbreviates the month ("19 Dec 2022", for chart labels); ``weekday`` puts the
    day's name first ("Monday 19 December 2022"). One function for the whole book, so the
    same day never reads differently in two chapters, and a date known only to the month is
    never shown with a day. Written without ``%-d``, which Windows does not know.
    """
    ts = pd.Timestamp(ts)
    mon = f"{ts:%b}" if short else f"{ts:%B}"
    if precision == "year":
        return f"{ts.year}"
    if precision == "month":
        return f"{mon} {ts.year}"
    if precision == "range" and end is not None and not pd.isna(end):
        return f"{ts.day}–{date_label(end, short=short)}"
    text = f"{ts.day} {mon} {ts.year}"
    return f"{ts:%A} {text}" if weekday else text


def day(ts, weekday: bool = False) -> str:
    """A date known to the day as the prose prints it: "19 December 2022"."""
    return date_label(ts, weekday=weekday)


def month(ts) -> str:
    """A date known only to the month, or spoken of by its month: "December 2022"."""
    return date_label(ts, "month")


def ordinal(n: int) -> str:
    """1 -> "1st", 2 -> "2nd", 3 -> "3rd", 11 -> "11th"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


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
        if lang and lang != "en" and not pd.isna(value) and str(value):
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
    """The sources behind everything a chapter shows, for its "Sources" list.

    A chapter creates one, passes every row or frame it shows through :meth:`use` (or
    looks rows up with :meth:`row`), and ends with :meth:`markdown`. Both return what they
    were given, so recording a source never needs a line of its own::

        shown = sources.use(events[events["theme"] == "mobilisation"])
        makei = sources.row(events, "ev-kd-06")
    """

    def __init__(self):
        self.ids: set[str] = set()
        self._keys: set[str] = set()  # ids and index labels of the rows shown

    def use(self, rows, column: str = "source_id"):
        """Record the source(s) of a frame or of one row, and the rows' claim ids (see
        :attr:`claim_ids`); return ``rows`` unchanged."""
        values = rows[column]
        if isinstance(values, pd.Series):
            self.ids.update(str(v) for v in values.dropna())
        elif not pd.isna(values):
            self.ids.add(str(values))
        # A row's claim id is in its table's id column or, where the chapter indexed the
        # table by it, in the index (a frame's labels, a row's name); which of these values
        # are claim ids is decided when claim_ids is read.
        from .claims import CLAIM_TABLES

        if isinstance(rows, pd.DataFrame):
            self._keys.update(str(v) for v in rows.index)
            for key in set(CLAIM_TABLES.values()) & set(rows.columns):
                self._keys.update(str(v) for v in rows[key].dropna())
        else:
            self._keys.add(str(rows.name))
            for key in set(CLAIM_TABLES.values()) & set(rows.index):
                if not pd.isna(rows[key]):
                    self._keys.add(str(rows[key]))
        return rows

    @property
    def claim_ids(self) -> set[str]:
        """The ids of the claims (rows of the claims ledger's tables) among the rows shown,
        for :func:`belarus_book.claims.counts_sentence`."""
        from .claims import CLAIM_TABLES

        known = set()
        for name, key in CLAIM_TABLES.items():
            known.update(load(name)[key].astype(str))
        return self._keys & known

    def row(self, frame: pd.DataFrame, key):
        """``frame.loc[key]`` (a row looked up by its index), with its source recorded."""
        return self.use(frame.loc[key])

    def quotation(self, quote_id: str) -> Markdown:
        """:func:`quotation`, with the quotation's source recorded."""
        self.use(load("quotes").set_index("quote_id").loc[quote_id])
        return quotation(quote_id)

    def markdown(self) -> Markdown:
        """The chapter's "Sources" list: :func:`sources_list` of every source recorded."""
        return sources_list(self.ids)


def source_label(source_id: str) -> str:
    """How the book cites a source in running text: its ``cite_as``."""
    sources = load("sources").set_index("source_id")
    return str(sources.loc[source_id, "cite_as"])



def short_source(source_id: str) -> str:
    """A source's short name for chart labels and tables: "ntv.de", "taz", "Reuters"."""
    sources = load("sources").set_index("source_id")
    return str(sources.loc[source_id, "short_name"])

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
        name = str(sources.loc[sid, "short_name"])
        return f"the {name}" if sid.startswith("art-") and "." not in name else name

    text = re.sub(r"the context file's caution", "a note on the outside source", str(text))
    return SOURCE_ID.sub(named, text)


def quotation(quote_id: str) -> Markdown:
    """A quotation: German original, our English translation, and who said it where."""
    quotes = load("quotes").set_index("quote_id")
    people = load("people").set_index("person_id")
    q = quotes.loc[quote_id]
    speaker = people.loc[q["person_id"]]
    occasion = f", {esc(q['occasion_en'])}" if not pd.isna(q["occasion_en"]) else ""
    lang = language(q["source_id"])
    lines = [
        f"> {in_language(balanced(q['excerpt'], lang), lang)}",
        ">",
        f"> *{esc(q['excerpt_en'])}* (our translation)",
        ">",
        f"> — {esc(speaker['name'])} ({esc(speaker['role_en'])}){occasion}; "
        f"reported by {esc(source_label(q['source_id']))}",
    ]
    if not pd.isna(q["note"]) and str(q["note"]).strip():
        lines += [">", f"> Note: {esc(q['note'])}"]
    return Markdown("\n".join(lines))


def _site_name(url: str) -> str:
    """A link's text in the Sources list: the site it leads to ("straitstimes.com"). The
    whole address is the link's target, and the print edition writes it out after the link
    (print.css), so writing it as the text too would print it twice."""
    host = urlsplit(url).hostname or url
    return esc(host.removeprefix("www."))


def sources_list(source_ids) -> Markdown:
    """A chapter's "Sources" list: articles first, then outside sources, each once.

    Each is named as readers know it (its ``cite_as``), with a link where its address is
    known; our row ids stay on the Data page. Two rows read from the same page are listed once.
    """
    sources = load("sources").set_index("source_id")
    used = sources.loc[sorted(set(source_ids))]
    items = []
    for kind, heading in (("article", "Articles"), ("context", "Outside sources")):
        rows = used[used["kind"] == kind]
        if rows.empty:
            continue
        items.append(f"**{heading}**\n")
        seen = set()
        for _, row in rows.iterrows():
            url = row["url"] if not pd.isna(row["url"]) else ""
            if (row["cite_as"], url) in seen:
                continue
            seen.add((row["cite_as"], url))
            link = f" ([{_site_name(url)}](<{url}>))" if url else ""
            items.append(f"- {esc(row['cite_as'])}{link}")
        items.append("")
    return Markdown("\n".join(items))
