"""The claims ledger's status rules, on small made-up tables, and on the book's data."""

from __future__ import annotations

import pandas as pd
import pytest

from belarus_book import claims
from belarus_book.data import validate_package

from ..helpers import ROOT

CONTEXT = {"CTX-01"}


def frame(*rows):
    cols = ["claim_id", "table", "source_id", "group", "reading", "unverifiable"]
    return pd.DataFrame([dict(zip(cols, r, strict=True)) for r in rows])


def status(result, claim_id):
    return result.set_index("claim_id").loc[claim_id, "status"]


def test_single_source_row():
    result = claims.assign_status(frame(("a", "figures", "art-001", None, "5||", False)), CONTEXT)
    assert status(result, "a") == "single source"


def test_conflict_group_with_differing_values_is_disputed_for_every_member():
    result = claims.assign_status(frame(
        ("a", "figures", "art-001", "cg-army", "35000||", False),
        ("b", "figures", "art-002", "cg-army", "62000||", False),
        ("c", "figures", "CTX-01", "cg-army", "48000||", False),
        ("d", "figures", "art-003", None, "1||", False),
    ), CONTEXT)
    assert [status(result, i) for i in "abc"] == ["disputed"] * 3
    assert status(result, "d") == "single source"


def test_readings_are_compared_within_one_table_only():
    # A year as a figure (1999) and as an event date (1999-01-01) are not a disagreement.
    result = claims.assign_status(frame(
        ("a", "figures", "art-002", "cg-year", "1999||", False),
        ("b", "events", "art-002", "cg-year", "1999-01-01|", False),
    ), CONTEXT)
    assert status(result, "a") == status(result, "b") == "single source"


def test_agreeing_group_with_an_outside_source_is_on_record():
    result = claims.assign_status(frame(
        ("a", "events", "art-000", "cg-death", "2022-11-26|", False),
        ("b", "events", "CTX-01", "cg-death", "2022-11-26|", False),
    ), CONTEXT)
    assert status(result, "a") == status(result, "b") == "on record"


def test_row_from_an_outside_source_is_on_record():
    result = claims.assign_status(frame(("a", "economy", "CTX-01", None, "", False)), CONTEXT)
    assert status(result, "a") == "on record"


def test_two_articles_that_agree_are_several_sources():
    result = claims.assign_status(frame(
        ("a", "support", "art-001", "support: troops withheld", "", False),
        ("b", "support", "art-003", "support: troops withheld", "", False),
        ("c", "support", "art-003", "support: medical provided", "", False),
    ), CONTEXT)
    assert status(result, "a") == status(result, "b") == "several sources"
    assert status(result, "c") == "single source"


def test_one_source_twice_is_still_a_single_source():
    result = claims.assign_status(frame(
        ("a", "figures", "art-003", "cg-p", "1437||", False),
        ("b", "figures", "art-003", "cg-p", "1437||", False),
    ), CONTEXT)
    assert status(result, "a") == "single source"


def test_precedence_unverified_before_disputed_before_on_record():
    result = claims.assign_status(frame(
        ("a", "figures", "art-000", "cg-x", "3||", True),
        ("b", "figures", "CTX-01", "cg-x", "4||", False),
    ), CONTEXT)
    assert status(result, "a") == "unverified"
    assert status(result, "b") == "disputed"
    assert claims.STATUSES == ["unverified", "disputed", "on record", "several sources",
                               "single source"]


def test_chapter_use_rules():
    tables = {"events": pd.DataFrame({"event_id": ["ev-1", "ev-2", "ev-3"],
                                      "theme": ["war", "mobilisation", "war"]}),
              "support": pd.DataFrame({"support_id": ["sup-1", "sup-2"]})}
    sources = {
        # names a row, picks rows by a value, and shows a whole table
        "mob": 'e = bb.load("events")\ne[e["theme"] == "mobilisation"]\n'
               's = bb.load("support")\nbb.text.quotation("ev-3")',
        "dep": 'cited.row(events, "ev-1")',  # names a row without loading the table itself
    }
    used = claims.chapter_use(tables, sources)
    assert used["ev-2"] == ["mob"] and used["ev-3"] == ["mob"] and used["ev-1"] == ["dep"]
    assert used["sup-1"] == used["sup-2"] == ["mob"]


# -- the book's own data ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def book():
    return claims.ledger(ROOT / "data", ROOT / "chapters")


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


def test_published_ledger_is_described_and_valid(book, tmp_path):
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    claims.write_published(tmp_path / "data", ROOT / "data", ROOT / "chapters")
    validate_package(tmp_path / "data")  # claims.csv against its schema, in the package
    written = pd.read_csv(tmp_path / "data" / "claims.csv")
    assert len(written) == len(book)
    assert list(written.columns) == [c for c, _, _ in claims.CSV_FIELDS]


# -- a chapter's box counts the same statuses ---------------------------------------------------

def fixture_ledger():
    return claims.assign_status(frame(
        ("a", "figures", "art-001", "cg-army", "35000||", False),
        ("b", "figures", "art-002", "cg-army", "62000||", False),
        ("c", "figures", "art-000", None, "3||", True),
        ("d", "events", "art-003", None, "2022-01-01|", False),
        ("e", "economy", "CTX-01", None, "", False),
    ), CONTEXT)


def test_status_counts_count_only_the_ids_shown():
    counts = claims.status_counts(["a", "b", "d", "art-001", "pl-minsk"], frame=fixture_ledger())
    assert list(counts) == claims.STATUSES  # every status, in the ledger's order
    assert counts == {"unverified": 0, "disputed": 2, "on record": 0, "several sources": 0,
                      "single source": 1}


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
    alone = claims.ledger(tmp_path / "data", chapters=False)
    assert (alone["chapters"] == "").all()
    with_chapters = claims.ledger(ROOT / "data", ROOT / "chapters")
    assert list(alone["status"]) == list(with_chapters["status"])
    counts = claims.status_counts(["fig-bribery", "fig-army-iiss"], tmp_path / "data")
    assert counts["unverified"] == counts["disputed"] == 1
