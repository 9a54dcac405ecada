"""Dates and ordinals as the book prints them, in one place for every chapter and chart."""

from __future__ import annotations

import pandas as pd


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


