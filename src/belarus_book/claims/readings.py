"""What a claim says on a disputed point, as a range that knows the claim's precision.

Two claims on the same point disagree only when their ranges do not meet: "rund 1000
Kilometer" is any length from 500 to 1,500 km and so does not dispute BelTA's 1,084.2 km;
"im Oktober" does not dispute 10 October; 1,437 and 1,438 prisoners do disagree. A value is
read as exact to its last stated digit (1,084 km: 1,083.5 to 1,084.5), or, where the source
marks it as approximate (``approximate`` in the data), as rounded to its last non-zero digit.
A stated bound is open on one side: "nicht weniger als 1437" is any count from 1,437 up, so
Viasna's 1,438 fits it. In figures a bound is a range with one end (``value_low`` alone: at
least); a count of political prisoners says so in ``bound`` ("at least", "at most").
A date is the whole day, month or year its precision names. Poll answers are compared only
with answers on the same side (``stance``): 90 % against is no reading of 5 % in favour.
"""

from __future__ import annotations

import calendar
import math
from typing import NamedTuple

import pandas as pd


class Reading(NamedTuple):
    """A claim's value on its point: a range (``low``, ``high``; infinite on the open side of
    a bound) or, for a claim in words with no value, the ``words``; ``side`` keeps poll
    answers for and against apart; ``approximate``: the source rounded the value."""
    low: float | None = None
    high: float | None = None
    words: str | None = None
    side: str = ""
    approximate: bool = False

#: Per table: the columns of a single value, of a range's low and high end, and the flag
#: that marks a value as approximate.
VALUE_COLUMNS = {
    "figures": ("value", "value_low", "value_high", "approximate"),
    "polls": ("share_pct", "share_low", "share_high", "approximate"),
    "political_prisoners": ("count", None, None, "approximate"),
}
#: How a single value may be stated as a bound (the ``bound`` column, where a table has one).
OPEN_SIDE = {"at least": "high", "at most": "low"}


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
        ends = {"low": float(row[single]) - r, "high": float(row[single]) + r}
        bound = row.get("bound")
        if not _missing(bound):
            ends[OPEN_SIDE[bound]] = -math.inf if OPEN_SIDE[bound] == "low" else math.inf
        return Reading(ends["low"], ends["high"], side=side, approximate=approximate)
    if low and not (_missing(row.get(low)) and _missing(row.get(high))):
        # a range, or a bound: a range with one end only
        return Reading(-math.inf if _missing(row.get(low)) else float(row[low]) - half_unit(row[low], approximate),
                       math.inf if _missing(row.get(high)) else float(row[high]) + half_unit(row[high], approximate),
                       side=side, approximate=approximate)
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
