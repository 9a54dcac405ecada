"""How a date is known is a field, not words in a note: ``date_basis`` and ``date_from``.

The loader refuses an inferred date that does not name the dated outside source it rests
on, with a message naming file, row and column; :func:`belarus_book.text.when` shows readers
how each date is known. Row numbers are CSV line numbers (header = line 1).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from belarus_book.data import DataError, load
from belarus_book.text import date_label, when

from ..helpers import DATA, read_csv, write_csv


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    return d


def set_cells(d: Path, name: str, key: str, **cells) -> int:
    """Set cells of the row whose first column is ``key``; its CSV line number."""
    header, rows = read_csv(d / f"{name}.csv")
    i = next(i for i, r in enumerate(rows) if r[header[0]] == key)
    rows[i].update(cells)
    write_csv(d / f"{name}.csv", header, rows)
    return i + 2


def error_of(d: Path, name: str) -> str:
    with pytest.raises(DataError) as exc:
        load(name, data_dir=d)
    return str(exc.value)


# --------------------------------------------------------------------------- the rules
def test_inferred_date_must_name_its_outside_source(data_copy):
    line = set_cells(data_copy, "events", "ev-001-security-mobilisation", date_from="")
    assert (f'data/events.csv, row {line}, column "date_from": empty, but date_basis is \'inferred\''
            in error_of(data_copy, "events"))


def test_inferred_date_cannot_rest_on_another_article(data_copy):
    line = set_cells(data_copy, "quotes", "q-001-alarm", date_from="art-003")
    assert (f"data/quotes.csv, row {line}, column \"date_from\": 'art-003' is not a context source in "
            f"data/sources.csv" in error_of(data_copy, "quotes"))


def test_inferred_date_may_rest_on_its_own_article(data_copy):
    # E1: the Munich article dates itself by the summit it reports; no outside report needed.
    set_cells(data_copy, "quotes", "q-001-alarm", date_from="art-001")
    set_cells(data_copy, "sources", "art-001", date_from="art-001")
    assert load("quotes", data_dir=data_copy).set_index("quote_id").loc["q-001-alarm", "date_from"] == "art-001"
    assert load("sources", data_dir=data_copy).set_index("source_id").loc["art-001", "date_from"] == "art-001"


def test_unknown_source_in_date_from_is_named(data_copy):
    line = set_cells(data_copy, "sources", "art-001", date_from="KD-08; KD-99")
    msg = error_of(data_copy, "sources")
    assert f"data/sources.csv, row {line}, column \"date_from\": 'KD-99' is not a context source" in msg
    assert "'KD-08'" not in msg  # the known id of the two is accepted


def test_stated_date_names_no_other_source(data_copy):
    line = set_cells(data_copy, "events", "ev-kd-04", date_from="KD-04")
    assert (f"data/events.csv, row {line}, column \"date_from\": 'KD-04' given, but date_basis is 'stated'"
            in error_of(data_copy, "events"))


def test_a_date_needs_a_basis_and_a_basis_a_date(data_copy):
    line = set_cells(data_copy, "quotes", "q-003-circle", date_basis="")
    assert (f'data/quotes.csv, row {line}, column "date_basis": empty, but the row has a date'
            in error_of(data_copy, "quotes"))
    line = set_cells(data_copy, "quotes", "q-003-circle", date_basis="stated", date="", date_precision="")
    assert (f"data/quotes.csv, row {line}, column \"date_basis\": 'stated', but the row has no date"
            in error_of(data_copy, "quotes"))


def test_basis_outside_the_allowed_values_is_refused(data_copy):
    line = set_cells(data_copy, "events", "ev-kd-04", date_basis="guessed")
    assert (f"data/events.csv, row {line}, column \"date_basis\": 'guessed' is not one of: stated, inferred, "
            f"reported, undated" in error_of(data_copy, "events"))


# --------------------------------------------------------------------------- the data
def test_seed_001_weekdays_rest_on_belta_reports():
    """The unnamed outlet names weekdays only: its Tuesday rests on KD-08, its Friday (and the
    article's own date) on KD-09, and no note presents the day as the article's."""
    events = load("events").set_index("event_id")
    quotes = load("quotes").set_index("quote_id")
    sources = load("sources").set_index("source_id")
    tuesday = [events.loc["ev-001-security-mobilisation"], quotes.loc["q-001-alarm"], quotes.loc["q-001-discipline"]]
    friday = [events.loc["ev-001-no-mobilisation"], quotes.loc["q-001-no-mobilisation"], quotes.loc["q-001-lie"],
              sources.loc["art-001"]]
    for rows, source in ((tuesday, "KD-08"), (friday, "KD-09")):
        for row in rows:
            assert (row["date_basis"], row["date_from"]) == ("inferred", source), row.name
    for frame in (events, quotes):
        notes = frame.loc[frame["source_id"] == "art-001", "date_resolution"].dropna()
        assert not notes.str.contains("Article dated").any()


def test_article_dates_say_how_they_are_known():
    sources = load("sources").set_index("source_id")
    articles = sources[sources["kind"] == "article"]
    assert articles["date_basis"].to_dict() == {"art-000": "inferred", "art-001": "inferred", "art-002": "inferred",
                                                "art-003": "stated", "art-004": "inferred"}
    context = sources[sources["kind"] == "context"]
    assert context["date_basis"].isna().all()
    assert {"KD-08", "KD-09"} <= set(context.index)


def test_the_munich_article_is_dated_by_its_own_words():
    """E1: Horizon Weekly dates the CSTO summit a day earlier than the Munich article does, so
    the article's date, and the dates of what it reports undated, rest on its own words."""
    sources = load("sources").set_index("source_id")
    assert sources.loc["art-004", "date_from"] == "art-004"
    assert when(sources.loc["art-004"]) == "November 2022 (inferred from the article itself)"
    for name in ("events", "quotes"):
        rows = load(name)
        rows = rows[rows["source_id"] == "art-004"]
        assert not rows["date_from"].fillna("").str.contains("KD-05").any(), name
        assert not rows["date_resolution"].fillna("").str.contains("summit of 24 Nov, KD-05").any(), name


def test_dates_worked_out_from_the_article_say_so():
    """m2: "am Wochenende" in the Swiss daily of Monday 19 December is the weekend before it,
    but the article names no day, so the book marks the days as inferred."""
    quotes = load("quotes").set_index("quote_id")
    for key in ("q-003-soviet", "q-003-defend", "q-003-never-enemies"):
        assert when(quotes.loc[key]) == "17–18 December 2022 (inferred from the article itself)"


def test_a_whole_month_of_fieldwork_reads_as_the_month():
    # m2: the sources say "in March", not "1–31 March"; a range within a month stays a range
    assert date_label(pd.Timestamp("2022-03-01"), "range", pd.Timestamp("2022-03-31")) == "March 2022"
    assert date_label(pd.Timestamp("2022-09-01"), "range", pd.Timestamp("2022-09-29")) == "1–29 September 2022"
    assert date_label(pd.Timestamp("2022-02-01"), "range", pd.Timestamp("2022-02-28")) == "February 2022"


def test_undated_rows_stay_undated():
    events = load("events").set_index("event_id")
    assert events.loc["ev-002-rail-partisans", "date_basis"] == "undated"
    # E2: the report behind the "70,000-strong army" is not dated; only its survey is.
    assert pd.isna(load("figures").set_index("figure_id").loc["fig-army-po05", "as_of"])


# --------------------------------------------------------------------------- for readers
def row(**cells):
    return {"date": None, "date_precision": "day", "date_end": None, "date_basis": None, "date_from": None, **cells}


@pytest.mark.parametrize(("cells", "text"), [
    ({"date": pd.Timestamp("2022-12-19"), "date_basis": "stated"}, "19 December 2022"),
    ({"date": pd.Timestamp("2022-09-20"), "date_basis": "inferred", "date_from": "KD-08"},
     "20 September 2022 (inferred from BelTA via Yahoo News)"),
    ({"date": pd.Timestamp("2022-09-20"), "date_basis": "inferred", "date_from": "KD-08; KD-09"},
     "20 September 2022 (inferred from BelTA via Yahoo News and BelTA via The Kyiv Independent)"),
    ({"date": pd.Timestamp("2022-11-01"), "date_precision": "month", "date_basis": "reported",
      "date_from": "KD-05"}, "undated; reported in November 2022 (inferred from Horizon Weekly)"),
    ({"date": pd.Timestamp("2022-12-19"), "date_basis": "reported"}, "undated; reported on 19 December 2022"),
    ({"date": pd.Timestamp("2022-11-01"), "date_precision": "month", "date_basis": "inferred",
      "date_from": "art-004", "source_id": "art-004"}, "November 2022 (inferred from the article itself)"),
    ({"date": pd.Timestamp("2022-11-01"), "date_precision": "month", "date_basis": "reported",
      "date_from": "art-004", "source_id": "art-004"},
     "undated; reported in November 2022 (inferred from the article itself)"),
    ({"date": pd.Timestamp("2022-01-01"), "date_precision": "year", "date_basis": "undated"}, "undated"),
    ({"date": pd.Timestamp("2022-12-17"), "date_precision": "range", "date_end": pd.Timestamp("2022-12-18"),
      "date_basis": "stated"}, "17–18 December 2022"),
    ({"date": pd.NaT, "date_basis": None}, "undated"),
    ({"date": pd.Timestamp("2022-02-24"), "date_basis": None}, "24 February 2022"),  # no basis: as stated
])
def test_when_says_how_a_date_is_known(cells, text):
    assert when(row(**cells)) == text


def test_when_reads_a_figures_as_of():
    figures = load("figures").set_index("figure_id")
    assert when(figures.loc["fig-army-po05"]) == "undated"
    assert when(figures.loc["fig-army-cia"]) == "2022"
    assert when(pd.Series({"as_of": pd.Timestamp("2022-09-01"), "as_of_precision": "month"}), short=True) == "Sep 2022"


def test_when_on_the_data_marks_every_inferred_date():
    events = load("events")
    texts = {r["event_id"]: when(r) for _, r in events.iterrows()}
    inferred = set(events.loc[events["date_basis"] == "inferred", "event_id"])
    assert inferred and all("(inferred from " in texts[i] for i in inferred)
    assert all("inferred" not in t for i, t in texts.items()
               if events.set_index("event_id").loc[i, "date_basis"] == "stated")
