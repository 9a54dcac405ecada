"""A chapter's closing box counts the same claims as the claims ledger lists for it.

The box says the ledger lists "every claim this chapter's code uses, including rows it only
loads, computes with or asks about in an exercise", and counts them by status; the ledger's
published CSV names the chapters that use each claim. The two are read from the built site,
so a count taken before the chapter's last cells ran (m1: 47 of 50) fails here.
"""

from __future__ import annotations

import csv
import re

import pytest
from bs4 import BeautifulSoup

from belarus_book.claims import STATUSES

TOTAL = re.compile(r"Of the (\d+) claims shown on this page, the claims ledger marks ([^.]*)\.")


def box_counts(site, page: str) -> tuple[int, dict[str, int]]:
    text = " ".join(BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
                    .get_text(" ").split())
    found = TOTAL.search(text)
    assert found, f"{page}: no sentence counting the claims ledger's statuses"
    marks = found.group(2)
    # longest names first: "single source" is not read as part of another status
    counts = {}
    for status in sorted(STATUSES, key=len, reverse=True):
        hit = re.search(rf"(\d+) as {re.escape(status)}(?=,| and |$)", marks)
        if hit:
            counts[status] = int(hit.group(1))
            marks = marks.replace(hit.group(0), "")
    return int(found.group(1)), counts


def ledger_counts(site, chapter: str) -> dict[str, int]:
    with (site / "data" / "claims.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if chapter in r["chapters"].split()]
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    return counts


@pytest.mark.parametrize("page", ["chapters/dependence.html", "chapters/mobilisation.html",
                                  "chapters/union-state.html", "chapters/military-capacity.html"])
def test_the_closing_box_counts_what_the_ledger_lists(site, page):
    total, counts = box_counts(site, page)
    expected = ledger_counts(site, page.removeprefix("chapters/").removesuffix(".html"))
    assert counts == expected and total == sum(expected.values()), (
        f"{page}: the box counts {total} claims {counts}, the ledger lists "
        f"{sum(expected.values())} {expected}")
