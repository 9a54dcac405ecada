"""What a claim says on a disputed point, as a range that knows the claim's precision.

Two claims on the same point disagree only when their ranges do not meet: "rund 1000
Kilometer" is any length from 500 to 1,500 km and so does not dispute BelTA's 1,084.2 km;
"im Oktober" does not dispute 10 October; 1,437 and 1,438 prisoners do disagree. A value is
read as exact to its last stated digit (1,084 km: 1,083.5 to 1,084.5), or, where the source
marks it as approximate (``approximate`` in the data), as rounded to its last non-zero digit.
A date is the whole day, month or year its precision names. Poll answers are compared only
with answers on the same side (``stance``): 90 % against is no reading of 5 % in favour.
"""

from __future__ import annotations

import calendar
from typing import NamedTuple

import pandas as pd


class Reading(NamedTuple):
    """A claim's value on its point: a range (``low``, ``high``) or, for a claim in words
    with no value, the ``words``; ``side`` keeps poll answers for and against apart."""
    low: float | None = None
    high: float | None = None
    words: str | None = None
    side: str = ""

#: Per table: the columns of a single value, of a range's low and high end, and the flag
#: that marks a value as approximate.
VALUE_COLUMNS = {
    "figures": ("value", "value_low", "value_high", "approximate"),
    "polls": ("share_pct", "share_low", "share_high", "approximate"),
    "political_prisoners": ("count", None, None, None),
}


def _missing(v) -> bool:
    return v is None or (not isinstance(v, str) and pd.isna(v))


def half_unit(value: float, approximate: bool = False) -> float:
    """Half the rounding unit a value is stated in: 0.5 for 1,084, 0.05 for 1,084.2; for an
    approximate whole number, half its last non-zero digit's place (500 for 1,000, 5 for 90)."""
    value = float(value)
    if approximate and value.is_integer() and value:
        n, unit = int(abs(value)), 1
        while n % 10 == 0:
            n, unit = n // 10, unit * 10
        return unit / 2
    decimals = 0 if value.is_integer() else len(repr(value).split(".")[1])
    return 0.5 * 10 ** -decimals


def date_range(date, precision: str, end=None) -> tuple[int, int]:
    """The days (as ordinals) a date covers at its precision."""
    start = pd.Timestamp(date)
    if precision == "range" and not _missing(end):
        last = pd.Timestamp(end)
    elif precision == "month":
        last = start.replace(day=calendar.monthrange(start.year, start.month)[1])
    elif precision == "year":
        last = start.replace(month=12, day=31)
    else:
        last = start
    return start.toordinal(), last.toordinal()


def reading(table: str, row) -> Reading | None:
    """What ``row`` of ``table`` says on its point; None where the row has nothing to compare
    (a table without values, or a date that is only the report's or a sort key)."""
    if table in ("events", "quotes"):
        if _missing(row.get("date")) or row.get("date_basis") in ("undated", "reported"):
            return None
        return Reading(*date_range(row["date"], row["date_precision"], row.get("date_end")))
    if table not in VALUE_COLUMNS:
        return None
    single, low, high, flag = VALUE_COLUMNS[table]
    approximate = bool(flag) and not _missing(row.get(flag)) and bool(row.get(flag))
    side = "" if _missing(row.get("stance")) else str(row["stance"])
    if not _missing(row.get(single)):
        r = half_unit(row[single], approximate)
        return Reading(float(row[single]) - r, float(row[single]) + r, side=side)
    if low and not _missing(row.get(low)) and not _missing(row.get(high)):
        return Reading(float(row[low]) - half_unit(row[low], approximate),
                       float(row[high]) + half_unit(row[high], approximate), side=side)
    words = row.get("answer_en")
    return None if _missing(words) else Reading(words=str(words), side=side)


def agree(a: Reading, b: Reading) -> bool:
    """Whether two readings can both be right: answers on different sides are not compared;
    ranges must meet; a claim in words agrees only with the same words."""
    if a.side != b.side:
        return True
    if a.words is None and b.words is None:
        return a.low <= b.high and b.low <= a.high
    return a.words == b.words
