"""The landing page's counts of dated events match the data (E1 of the 2026-12-07 fact-check).

The counts are derived here from data/events.csv with the csv module alone, by the rule the
page states (an event is dated unless its ``date_basis`` is ``undated``), and compared with
the numbers in the built page's prose and in its chart's title: the page once dropped a
dated event because a note said "undated".
"""
from __future__ import annotations

import csv
import re

import pytest
from bs4 import BeautifulSoup

from ..helpers import DATA, SITE


@pytest.fixture(scope="module")
def events():
    with open(DATA / "events.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def page_text(site):
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = (soup.select_one("article") or soup).get_text(" ").replace("\u2019", "'")  # Sphinx's smart quotes
    return re.sub(r"\s+", " ", text)


def number_before(text: str, words: str) -> int:
    match = re.search(r"(\d+) " + re.escape(words), text)
    assert match, f"the landing page has no '<n> {words}'"
    return int(match.group(1))


def test_counts_in_the_prose_match_the_data(events, page_text):
    dated = [e for e in events if e["date_basis"] != "undated"]
    assert number_before(page_text, "in all") == len(dated)
    assert number_before(page_text, "of them fall in 2022") == sum(e["date"].startswith("2022") for e in dated)
    assert number_before(page_text, "have a date the book worked out") == sum(
        e["date_basis"] == "inferred" for e in dated)
    assert number_before(page_text, "are not dated by their source") == sum(
        e["date_basis"] == "reported" for e in dated)


def test_a_dated_event_with_undated_in_its_note_is_counted(events, page_text):
    """Makei's death is dated (from Reuters) although its note mentions an "undated"-looking
    article; what is left out is exactly the undated rows, named on the page."""
    undated = [e for e in events if e["date_basis"] == "undated"]
    assert undated, "the data has no undated event: the page's sentence about them must change"
    left_out = re.search(r"Left out (?:is|are) [^:]+: (.+?)\. Of the", page_text)
    assert left_out
    for e in undated:
        assert e["title_en"][1:].lower() in left_out.group(1).lower()
    makei = next(e for e in events if e["event_id"] == "ev-000-makei-death")
    assert makei["date_basis"] != "undated"


def test_the_chart_title_and_description_count_the_same(events):
    dated = [e for e in events if e["date_basis"] != "undated"]
    in_2022 = sum(e["date"].startswith("2022") for e in dated)
    specs = (SITE / "_static" / "_charts" / "index.js").read_text(encoding="utf-8")
    assert f"{in_2022} of {len(dated)} dated events fall in 2022" in specs
    assert f"A timeline of {len(dated)} events" in specs


def test_article_dates_the_articles_do_not_print_are_said_to_be_worked_out(page_text):
    # m14 / M1: the September article names weekdays only; the taz gives the visit's weekday.
    assert "names only weekdays" in page_text
    assert "gives the visit's weekday only" in page_text
    assert "German-language" in page_text and "five German news" not in page_text  # m2
