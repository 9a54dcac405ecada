"""Dates and ordinals as the book prints them, in one place for every chapter and chart."""

from __future__ import annotations

import pandas as pd

from ..data import load
from ..data.date_rules import date_sources
from ..data.shown import SHOWN
from ..i18n import language, tr
from ..i18n.formats import date_text, day_range_start, german_ordinal
from .sources import short_source


def date_label(ts, precision: str = "day", end=None, short: bool = False,
               weekday: bool = False) -> str:
    """A date as precise as its source: "2022", "December 2022", "19 December 2022",
    "17–21 December 2022" (``precision="range"`` with ``end``; a range of one whole month is
    that month, "March 2022"); in German "19. Dezember 2022"
    and so on (:mod:`belarus_book.i18n.formats`).

    ``short`` abbreviates the month ("19 Dec 2022", for chart labels); ``weekday`` puts the
    day's name first ("Monday 19 December 2022"). One function for the whole book, so the
    same day never reads differently in two chapters, and a date known only to the month is
    never shown with a day. Written without ``%-d``, which Windows does not know.
    """
    ts = pd.Timestamp(ts)
    if precision == "year":
        return date_text(ts.year)
    if precision == "month":
        return date_text(ts.year, ts.month, short=short)
    if precision == "range" and end is not None and not pd.isna(end):
        end = pd.Timestamp(end)
        if ts.day == 1 and end == ts + pd.offsets.MonthEnd(0):
            # A whole month is what a source says as "in March": print it as the month.
            return date_text(ts.year, ts.month, short=short)
        return f"{day_range_start(ts.day)}{date_label(end, short=short)}"
    return date_text(ts.year, ts.month, ts.day, short=short,
                     weekday=ts.weekday() if weekday else None)


def _cell(row, column: str):
    value = row.get(column)
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _date_source(source_id: str, row) -> str:
    """How ``when`` names a source a date rests on: by its short name, or, where it is the
    row's own article (a date worked out from the article's own words), as that article."""
    own = {_cell(row, "source_id"), getattr(row, "name", None)}
    kind = load("sources", record=False).set_index("source_id").loc[source_id, "kind"]
    return tr("the article itself") if source_id in own and kind == "article" else short_source(source_id)


def when(row, short: bool = False) -> str:
    """A row's date for readers, saying how it is known (``date_basis``, ``date_from``).

    "19 December 2022" where the source states it; "20 September 2022 (inferred from BelTA
    via Yahoo News)" where it was worked out from the dated outside source(s) in
    ``date_from``, or "November 2022 (inferred from the article itself)" where that is the
    row's own article; "undated; reported in November 2022" where the source does not date it
    and the date is only that of the report; "undated" where the date is only a sort key,
    or there is none. A figure's ``as_of`` stands in for ``date`` (precision
    ``as_of_precision``); a row without ``date_basis`` is taken as stated. ``short`` as in
    :func:`date_label`.
    """
    column = "date" if "date" in row else "as_of"
    date, basis = _cell(row, column), _cell(row, "date_basis")
    if date is None or basis == "undated":
        return tr("undated")
    precision = _cell(row, f"{column}_precision") or "day"
    label = date_label(date, precision, _cell(row, "date_end"), short=short)
    rests_on = date_sources(_cell(row, "date_from") or "")
    # A source named beside a date is one the page uses: its "Sources" list must name it too.
    SHOWN.sources.update(rests_on)
    names = tr(" and ").join(_date_source(s, row) for s in rests_on)
    basis_of = (f" ({tr('inferred from')} {names})" if names
                else f" ({tr('inferred')})" if basis == "inferred" else "")
    if basis == "reported":
        on = tr("reported on") if precision in ("day", "range") else tr("reported in")
        return f"{tr('undated')}; {on} {label}{basis_of}"
    return f"{label}{basis_of}" if basis == "inferred" else label


def day(ts, weekday: bool = False) -> str:
    """A date known to the day as the prose prints it: "19 December 2022"."""
    return date_label(ts, weekday=weekday)


def day_month(ts) -> str:
    """A day and month without the year, where a source gives no year: "24 November"
    ("24. November")."""
    ts = pd.Timestamp(ts)
    return date_text(2000, ts.month, ts.day).removesuffix(" 2000")


def month(ts) -> str:
    """A date known only to the month, or spoken of by its month: "December 2022"."""
    return date_label(ts, "month")


def ordinal(n: int, german_ending: str | None = None) -> str:
    """1 -> "1st", 2 -> "2nd", 3 -> "3rd", 11 -> "11th" (German: "1.", "11."; with the
    ending the German sentence needs, in words up to twelfth: "dritten", "zweiter")."""
    if language() == "de":
        return german_ordinal(n, german_ending) if german_ending else f"{n}."
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


