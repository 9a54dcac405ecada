"""A chapter's record of what it used (belarus_book.data.shown): the helpers write it as
they show rows, so the Sources list, the ledger and the download box can trust it."""

from __future__ import annotations

import json

import pytest

import belarus_book as bb
from belarus_book.data import shown
from belarus_book.data.shown import SHOWN


@pytest.fixture(autouse=True)
def fresh_record():
    SHOWN.__init__()
    yield
    SHOWN.__init__()


def test_rows_shown_by_the_helpers_are_recorded_with_their_claim_ids():
    events = bb.load("events").set_index("event_id")
    bb.charts.chart_data(events.loc[["ev-kd-02", "ev-000-grouping"]], ["date"])  # ids in the index
    bb.evidence.table(bb.load("support").head(2), lambda r: r["item_en"])      # ids in a column
    bb.cite(bb.load("figures").set_index("figure_id").loc["fig-bribery"])      # a row's name
    bb.cite(bb.load("sources").set_index("source_id", drop=False).loc["art-003"])  # not a claim
    bb.text.quotation("q-000-tricked")
    assert SHOWN.claim_ids == {"ev-kd-02", "ev-000-grouping", *bb.load("support")["support_id"][:2],
                               "fig-bribery", "q-000-tricked"}
    assert "art-003" in SHOWN.sources


def test_tables_are_recorded_as_loaded_also_by_helpers_and_not_by_the_books_own_reads():
    bb.load("polls")
    bb.text.quotation("q-000-tricked")  # reads quotes, people and sources itself
    assert list(SHOWN.tables) == ["polls", "quotes", "people", "sources"]
    SHOWN.__init__()
    bb.text.sources_list(["art-000"])  # names the sources: a reader's run needs the table
    SHOWN.claim_ids  # noqa: B018 (reads every claim table, as bookkeeping)
    bb.claims.counts_sentence()  # the ledger's own reads too
    assert list(SHOWN.tables) == ["sources"]


def test_the_sources_list_names_what_was_shown_and_leaves_the_record_in_a_build(monkeypatch):
    bb.evidence.quote(bb.load("events").set_index("event_id").loc["ev-kd-06"], "Reuters")
    glued = {}
    monkeypatch.setattr("belarus_book.text.sources.glue", lambda name, value: glued.update({name: value}))
    listing = bb.text.sources_list().data
    assert "Reuters" in listing and "ntv.de" not in listing
    record = json.loads(glued[shown.RECORD_NAME])
    assert record["claims"] == ["ev-kd-06"] and record["sources"] == ["KD-06"]
    assert shown.read_record({shown.RECORD_NAME: repr(glued[shown.RECORD_NAME])}) == record


def test_a_source_a_printed_date_rests_on_is_listed(monkeypatch):
    # m14: "dated ... (inferred from Euro Weekly News)" needs Euro Weekly News in the list.
    taz = bb.cite(bb.load("sources").set_index("source_id", drop=False).loc["art-002"])
    assert "Euro Weekly News" in bb.text.when(taz)
    monkeypatch.setattr("belarus_book.text.sources.glue", lambda name, value: None)
    assert "Euro Weekly News" in bb.text.sources_list().data
    assert SHOWN.sources == {"art-002", "KD-07"}


def test_chart_data_keeps_the_evidence_and_the_claim_id_of_each_row():
    figures = bb.load("figures")
    data = bb.charts.chart_data(figures.head(3), ["value"])
    assert list(data.columns) == ["value", "figure_id", "source_id", "source", "excerpt", "excerpt_en"]
    assert not data["excerpt_en"].eq("").any()  # an English source says so instead of a blank
    tips = bb.charts.tooltips(value="Figure")
    assert [t._kwds["title"] for t in tips] == ["Figure", "Source", "Evidence (original)",
                                "Our translation"]


def test_glue_takes_a_paragraphs_worth_of_values(monkeypatch):
    shown_values = []
    monkeypatch.setenv("BELARUS_BOOK_BUILD", "1")
    monkeypatch.setattr("IPython.display.display", lambda data, **kw: shown_values.append(
        kw["metadata"]["scrapbook"]["name"]))
    bb.glue(low=35000, high=40000)
    bb.glue("one", 1)
    assert shown_values == ["low", "high", "one"]
