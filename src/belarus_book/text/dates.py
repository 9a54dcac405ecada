"""Dates and ordinals as the book prints them, in one place for every chapter and chart."""

from __future__ import annotations

import pandas as pd

from ..data.date_rules import date_sources
from .sources import short_source


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


def _cell(row, column: str):
    value = row.get(column)
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def when(row, short: bool = False) -> str:
    """A row's date for readers, saying how it is known (``date_basis``, ``date_from``).

    "19 December 2022" where the source states it; "20 September 2022 (inferred from BelTA
    via Yahoo News)" where it was worked out from the dated outside source(s) in
    ``date_from``; "undated; reported in November 2022" where the source does not date it
    and the date is only that of the report; "undated" where the date is only a sort key,
    or there is none. A figure's ``as_of`` stands in for ``date`` (precision
    ``as_of_precision``); a row without ``date_basis`` is taken as stated. ``short`` as in
    :func:`date_label`.
    """
    column = "date" if "date" in row else "as_of"
    date, basis = _cell(row, column), _cell(row, "date_basis")
    if date is None or basis == "undated":
        return "undated"
    precision = _cell(row, f"{column}_precision") or "day"
    label = date_label(date, precision, _cell(row, "date_end"), short=short)
    names = " and ".join(short_source(s) for s in date_sources(_cell(row, "date_from") or ""))
    basis_of = f" (inferred from {names})" if names else " (inferred)" if basis == "inferred" else ""
    if basis == "reported":
        return f"undated; reported {'on' if precision in ('day', 'range') else 'in'} {label}{basis_of}"
    return f"{label}{basis_of}" if basis == "inferred" else label


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


