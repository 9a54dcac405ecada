"""The claims ledger's status rules, on small made-up tables, and on the book's data."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from belarus_book import claims
from belarus_book.claims.readings import Reading, agree, half_unit, reading
from belarus_book.data import validate_package

from ..helpers import ROOT

CONTEXT = {"CTX-01", "CTX-02"}


def R(low=None, high=None, side="", words=None):  # noqa: N802 - a reading, written short
    """A reading: a value (low only), a range, or words."""
    if words is not None:
        return Reading(words=words, side=side)
    return Reading(low, low if high is None else high, side=side)


def frame(*rows, question=None):
    cols = ["claim_id", "table", "source_id", "group", "reading", "unverifiable"]
    out = pd.DataFrame([dict(zip(cols, r, strict=True)) for r in rows])
    return out if question is None else out.assign(question=question)


def status(result, claim_id):
    return result.set_index("claim_id").loc[claim_id, "status"]


def test_single_source_row():
    result = claims.assign_status(frame(("a", "figures", "art-001", None, R(5), False)), CONTEXT)
    assert status(result, "a") == "single source"


def test_conflict_group_with_differing_values_is_disputed_for_every_member():
    result = claims.assign_status(frame(
        ("a", "figures", "art-001", "cg-army", R(35000, 40000), False),
        ("b", "figures", "art-002", "cg-army", R(62000), False),
        ("c", "figures", "CTX-01", "cg-army", R(47500, 48500), False),
        ("d", "figures", "art-003", None, R(1), False),
    ), CONTEXT)
    assert [status(result, i) for i in "abc"] == ["disputed"] * 3
    assert status(result, "d") == "single source"


def test_readings_are_compared_within_one_table_only():
    # A year as a figure (1999) and as an event date (days of 1999) are not a disagreement.
    result = claims.assign_status(frame(
        ("a", "figures", "art-002", "cg-year", R(1999), False),
        ("b", "events", "art-003", "cg-year", R(729755, 730119), False),
    ), CONTEXT)
    assert status(result, "a") == status(result, "b") == "several sources"


def test_a_value_within_the_stated_rounding_does_not_dispute():
    # M5: "rund 1000 Kilometer" (500-1,500) and 1,084 km (1,083.5-1,084.5) fit BelTA's 1,084.2 km.
    result = claims.assign_status(frame(
        ("swiss", "figures", "art-003", "cg-border", R(500, 1500), False),
        ("belta", "figures", "CTX-01", "cg-border", R(1084.15, 1084.25), False),
        ("eprs", "figures", "CTX-02", "cg-border", R(1083.5, 1084.5), False),
    ), CONTEXT)
    assert {status(result, i) for i in ("swiss", "belta", "eprs")} == {"on record"}
    # ... but two exact counts one apart do disagree.
    result = claims.assign_status(frame(
        ("a", "figures", "art-003", "cg-p", R(1437), False),
        ("b", "figures", "CTX-01", "cg-p", R(1438), False),
    ), CONTEXT)
    assert status(result, "a") == status(result, "b") == "disputed"


def test_a_month_does_not_dispute_a_day_in_it():
    october, tenth = reading("events", {"date": pd.Timestamp("2022-10-01"), "date_precision": "month"}), \
        reading("events", {"date": pd.Timestamp("2022-10-10"), "date_precision": "day"})
    assert agree(october, tenth)
    assert not agree(tenth, reading("events", {"date": pd.Timestamp("2022-10-11"), "date_precision": "day"}))
    # a date that is only a sort key or the report's own is compared with nothing
    assert reading("events", {"date": pd.Timestamp("2022-01-01"), "date_precision": "year",
                              "date_basis": "undated"}) is None


def test_rows_of_one_source_do_not_dispute_each_other():
    result = claims.assign_status(frame(
        ("text", "figures", "art-003", "cg-p", R(1437), False),
        ("heading", "figures", "art-003", "cg-p", R(1450, 1550), False),
    ), CONTEXT)
    assert status(result, "text") == status(result, "heading") == "single source"


def test_a_stated_bound_is_open_on_one_side():
    # M3: "nicht weniger als 1437" is any count from 1,437 up
    at_least = reading("figures", {"value": None, "value_low": 1437, "value_high": None, "approximate": False})
    assert (at_least.low, at_least.high) == (1436.5, math.inf)
    assert reading("political_prisoners", {"count": 1437, "approximate": False, "bound": "at least"}) == at_least
    at_most = reading("political_prisoners", {"count": 1500, "approximate": False, "bound": "at most"})
    assert (at_most.low, at_most.high) == (-math.inf, 1500.5)
    assert agree(at_least, R(1437.5, 1438.5)) and not agree(at_least, R(1429.5, 1430.5))
    assert not agree(at_most, R(1500.5 + 1, 1500.5 + 2))


def test_a_value_beyond_a_stated_lower_bound_does_not_dispute_it():
    at_least = Reading(1436.5, math.inf)
    result = claims.assign_status(frame(
        ("swiss", "political_prisoners", "art-003", "cg-p", at_least, False),
        ("viasna", "political_prisoners", "CTX-01", "cg-p", R(1437.5, 1438.5), False),
    ), CONTEXT)
    assert status(result, "swiss") == status(result, "viasna") == "on record"
    # ... but a count below the bound does dispute it
    result = claims.assign_status(frame(
        ("swiss", "political_prisoners", "art-003", "cg-p", at_least, False),
        ("other", "political_prisoners", "CTX-01", "cg-p", R(1429.5, 1430.5), False),
    ), CONTEXT)
    assert status(result, "swiss") == status(result, "other") == "disputed"


def test_a_sources_own_rounding_of_its_figure_is_compared_through_that_figure():
    # M3: the Swiss daily's subheading "Fast 1500" rounds its own "no fewer than 1437"
    heading = Reading(1450, 1550, approximate=True)
    result = claims.assign_status(frame(
        ("text", "figures", "art-003", "cg-p", Reading(1436.5, math.inf), False),
        ("heading", "figures", "art-003", "cg-p", heading, False),
        ("viasna", "figures", "CTX-01", "cg-p", R(1437.5, 1438.5), False),
    ), CONTEXT).set_index("claim_id")
    assert set(result["status"]) == {"on record"}
    assert "rounds a figure its source also gives" in result.loc["heading", "status_reason"]
    assert "rounds" not in result.loc["text", "status_reason"]
    # a rounded figure with no exact one beside it from its source is compared as it stands
    result = claims.assign_status(frame(
        ("heading", "figures", "art-003", "cg-p", heading, False),
        ("viasna", "figures", "CTX-01", "cg-p", R(1437.5, 1438.5), False),
    ), CONTEXT)
    assert status(result, "heading") == status(result, "viasna") == "disputed"
    # and the figure it rounds still disputes what contradicts it
    result = claims.assign_status(frame(
        ("text", "figures", "art-003", "cg-p", R(1436.5, 1437.5), False),
        ("heading", "figures", "art-003", "cg-p", heading, False),
        ("other", "figures", "CTX-01", "cg-p", R(1200), False),
    ), CONTEXT)
    assert status(result, "text") == status(result, "heading") == status(result, "other") == "disputed"


def test_poll_answers_on_different_sides_are_not_compared():
    # 90 % against and 5 % in favour can both be right; 85 % against fits "rund 90".
    result = claims.assign_status(frame(
        ("woe", "polls", "art-000", "cg-part", R(85, 95, side="against"), False),
        ("yes", "polls", "CTX-01", "cg-part", R(4.5, 5.5, side="for"), False),
        ("neg", "polls", "CTX-02", "cg-part", R(84.5, 85.5, side="against"), False),
    ), CONTEXT)
    assert {status(result, i) for i in ("woe", "yes", "neg")} == {"on record"}
    # a claim in words on the same side as a share cannot be read as it
    assert not agree(R(words="extremely unpopular", side="against"), R(40, side="against"))


def test_answers_to_one_survey_question_share_a_status():
    # m16: one survey, one question; only one answer is in a disputed comparison.
    result = claims.assign_status(frame(
        ("neg", "polls", "CTX-01", "cg-x", R(85, side="against"), False),
        ("pos", "polls", "CTX-01", None, R(11, side="for"), False),
        ("other", "polls", "art-000", "cg-x", R(70, side="against"), False),
        question=["q1", "q1", None]), CONTEXT)
    assert status(result, "neg") == status(result, "pos") == "disputed"
    assert "one survey question" in result.set_index("claim_id").loc["pos", "status_reason"]


def test_caveated_outside_source_gets_its_status_and_caution():
    # M6: an official result of an unfree vote is not plainly "on record".
    caveats = {"CTX-01": ("official claim", "Official figure of an election not considered free or fair."),
               "CTX-02": ("announced, not verified", "Announced figures, not verified actual deployment.")}
    result = claims.assign_status(frame(
        ("turnout", "figures", "CTX-01", None, R(78.63), False),
        ("tanks", "figures", "CTX-02", None, R(170), False),
        ("article", "figures", "art-002", "cg-t", R(9000), False),
        ("troops", "figures", "CTX-02", "cg-t", R(9000), False),
    ), CONTEXT, caveats).set_index("claim_id")
    assert result.loc["turnout", "status"] == "official claim"
    assert "not considered free or fair" in result.loc["turnout", "status_reason"]
    assert result.loc["tanks", "status"] == "announced, not verified"
    # an article agreeing with an announced figure is not "on record" through it
    assert result.loc["article", "status"] == "several sources"


def test_half_unit_reads_the_stated_rounding():
    assert half_unit(1084) == 0.5 and half_unit(1084.2) == pytest.approx(0.05)
    assert half_unit(1000, approximate=True) == 500 and half_unit(90, approximate=True) == 5
    assert half_unit(1500, approximate=True) == 50 and half_unit(1000) == 0.5


def test_row_from_an_outside_source_is_on_record():
    result = claims.assign_status(frame(("a", "economy", "CTX-01", None, None, False)), CONTEXT)
    assert status(result, "a") == "on record"


def test_two_articles_that_agree_are_several_sources():
    result = claims.assign_status(frame(
        ("a", "support", "art-001", "support: troops withheld", None, False),
        ("b", "support", "art-003", "support: troops withheld", None, False),
        ("c", "support", "art-003", "support: medical provided", None, False),
    ), CONTEXT)
    assert status(result, "a") == status(result, "b") == "several sources"
    assert status(result, "c") == "single source"


def test_one_source_twice_is_still_a_single_source():
    result = claims.assign_status(frame(
        ("a", "figures", "art-003", "cg-p", R(1437), False),
        ("b", "figures", "art-003", "cg-p", R(1437), False),
    ), CONTEXT)
    assert status(result, "a") == "single source"


def test_precedence():
    result = claims.assign_status(frame(
        ("a", "figures", "art-000", "cg-x", R(3), True),
        ("b", "figures", "CTX-01", "cg-x", R(4), False),
    ), CONTEXT)
    assert status(result, "a") == "unverified"
    assert status(result, "b") == "disputed"
    assert claims.STATUSES == ["unverified", "official claim", "announced, not verified", "disputed",
                               "on record", "several sources", "single source"]
    assert set(claims.STATUS_RULES) == set(claims.STATUS_LIMITS) == set(claims.STATUSES)


# -- the book's own data ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def book():
    return claims.ledger(ROOT / "data")


def test_ledger_has_one_row_per_claim(book):
    expected = sum(len(pd.read_csv(ROOT / "data" / f"{t}.csv")) for t in claims.CLAIM_TABLES)
    assert len(book) == expected and book["claim_id"].is_unique
    assert set(book["status"]) <= set(claims.STATUSES)


def test_known_cases(book):
    s = book.set_index("claim_id")["status"]
    assert s["fig-bribery"] == s["q-000-tricked"] == s["ev-000-day3"] == "unverified"
    assert s["fig-army-lukashenko"] == s["fig-army-iiss"] == "disputed"   # 35-40,000 vs 48,000
    assert s["ev-002-makei-death"] == "on record"   # same day as the outside record
    assert s["sup-001-troops"] == "several sources"  # troops withheld, said by four articles
    # M5: treaty dates on record, the border within the Swiss daily's rounding, a month
    assert {s[f"ev-us-0{i}"] for i in range(1, 5)} == {"on record"}
    assert s["fig-border-ua-belta"] == s["fig-border-ua-eprs"] == s["fig-border-ua-swiss"] == "on record"
    assert s["ev-000-grouping"] == s["ev-us-09"] == "on record"
    assert s["fig-csto-day-004"] == s["ev-kd-05"] == "disputed"  # 24 vs 23 November
    # M3: "no fewer than 1437" and its own "almost 1500" do not dispute Viasna's 1,438
    december = ["fig-prisoners-003", "fig-prisoners-003-heading", "fig-prisoners-viasna-dec",
                "pp-2022-12-18", "pp-2022-12-19-art003", "pp-2022-12-19-art003-heading"]
    assert {s[i] for i in december} == {"on record"}
    assert s["fig-year-treaty-002"] == s["fig-year-union-003"] == "disputed"  # the articles: 1999 vs 1996
    # M6: official results of an unfree vote, announced figures
    assert s["fig-referendum-turnout"] == s["fig-referendum-yes"] == s["ev-us-08"] == "official claim"
    assert s["fig-grouping-tanks"] == s["ev-us-13"] == "announced, not verified"
    # m16: one survey question, one status
    assert s["poll-po05-participation-neg"] == s["poll-po05-participation-pos"]
    assert s["poll-po05-support"] == s["poll-po05-oppose"]


def test_ledger_dates_say_how_they_are_known(book):
    # m2: a figure of its article's day is dated as the article is; a month's fieldwork is the month
    when = book.set_index("claim_id")["claim_date"]
    assert when["fig-years-since-visit"] == when["fig-year-treaty-002"] == \
        "19 December 2022 (inferred from Euro Weekly News)"
    assert when["fig-age-lukashenko"] == "23 September 2022 (inferred from BelTA via The Kyiv Independent)"
    assert when["fig-army-lukashenko"] == "November 2022 (inferred from the article itself)"
    assert when["fig-year-union-003"] == "19 December 2022"  # the Swiss daily prints its date
    assert when["poll-po02-support-march"] == "March 2022"
    assert when["poll-po05-support"] == "September 2022"


def test_caveated_rows_carry_the_caution(book):
    rows = book.set_index("claim_id")
    sources = pd.read_csv(ROOT / "data" / "sources.csv").set_index("source_id")
    for status in ("official claim", "announced, not verified"):
        for claim_id, row in rows[rows["status"] == status].iterrows():
            caution = sources.loc[row["source_id"], "claim_caution"]
            assert isinstance(caution, str) and caution in row["status_reason"], claim_id
    assert not (rows.loc[rows["source_id"].isin(["US-07", "US-08", "US-13"]), "status"] == "on record").any()


def test_published_ledger_is_described_and_valid(book, tmp_path):
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    claims.write_published(tmp_path / "data", ROOT / "data", {"fig-bribery": ["dependence"]})
    validate_package(tmp_path / "data")  # claims.csv against its schema, in the package
    written = pd.read_csv(tmp_path / "data" / "claims.csv")
    assert len(written) == len(book)
    assert list(written.columns) == [c for c, _, _ in claims.CSV_FIELDS]
    assert written.set_index("claim_id").loc["fig-bribery", "chapters"] == "dependence"


# -- a chapter's box counts the same statuses ---------------------------------------------------

def fixture_ledger():
    return claims.assign_status(frame(
        ("a", "figures", "art-001", "cg-army", R(35000), False),
        ("b", "figures", "art-002", "cg-army", R(62000), False),
        ("c", "figures", "art-000", None, R(3), True),
        ("d", "events", "art-003", None, R(738156), False),
        ("e", "economy", "CTX-01", None, None, False),
    ), CONTEXT)


def test_status_counts_count_only_the_ids_shown():
    counts = claims.status_counts(["a", "b", "d", "art-001", "pl-minsk"], frame=fixture_ledger())
    assert list(counts) == claims.STATUSES  # every status, in the ledger's order
    assert counts == {"unverified": 0, "official claim": 0, "announced, not verified": 0, "disputed": 2,
                      "on record": 0, "several sources": 0, "single source": 1}


def test_counts_sentence_leaves_out_statuses_no_claim_has():
    ledger = fixture_ledger()
    assert claims.counts_sentence(["a", "b", "c", "d", "e"], frame=ledger) == (
        "Of the 5 claims shown on this page, the claims ledger marks 1 as unverified, "
        "2 as disputed, 1 as on record and 1 as single source.")
    assert claims.counts_sentence({"a", "b"}, frame=ledger) == (
        "Of the 2 claims shown on this page, the claims ledger marks 2 as disputed.")
    assert claims.counts_sentence(["e"], frame=ledger) == (
        "The one claim shown on this page is marked on record in the claims ledger.")
    assert "no claim" in claims.counts_sentence([], frame=ledger)


def test_counts_need_no_chapter_sources(tmp_path):
    # A reader's Jupyter has the package and its data but no chapters/ folder.
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    alone = claims.ledger(tmp_path / "data")
    assert (alone["chapters"] == "").all()
    with_chapters = claims.ledger(ROOT / "data", {"fig-bribery": ["dependence"]})
    assert list(alone["status"]) == list(with_chapters["status"])
    assert with_chapters.set_index("claim_id").loc["fig-bribery", "chapters"] == "dependence"
    counts = claims.status_counts(["fig-bribery", "fig-army-iiss"], tmp_path / "data")
    assert counts["unverified"] == counts["disputed"] == 1
