"""How excerpts are displayed: balanced quotation marks, German marked as German.

The data stays verbatim; only what the page shows changes. An excerpt cut from a longer
quotation is shown with the quotation marks it lacks, and an excerpt from a German source
sits in ``lang="de"`` markup (WCAG 3.1.2) in every form the package shows it: a quotation
(:func:`belarus_book.text.quotation`, :func:`belarus_book.evidence.quote`), a list of claims
(:func:`belarus_book.evidence.items`) and a side-by-side table (:func:`belarus_book.evidence.table`).
"""

from __future__ import annotations

import pandas as pd
import pytest

import belarus_book as bb
import belarus_book.evidence  # noqa: F401
import belarus_book.text  # noqa: F401
from belarus_book.text import balanced, name_sources


@pytest.mark.parametrize(("text", "language", "shown"), [
    # Cut after the opening mark: the closing one is added at the end.
    ("Er sagte: „Wir kommen nicht", "de", "Er sagte: „Wir kommen nicht“"),
    # Cut after the opening mark, before the end: the opening one is added at the start.
    ("wir töten niemanden“, sagte Lukaschenko.", "de", "„wir töten niemanden“, sagte Lukaschenko."),
    # Swiss guillemets, and single German marks inside double ones.
    ("Das sind besonders stupide Behauptungen»", "de", "«Das sind besonders stupide Behauptungen»"),
    ("„Wenn Russland siegt, ‚wird die ODKB leben.", "de", "„Wenn Russland siegt, ‚wird die ODKB leben.‘“"),
    # English double quotes; the apostrophe (’) is left alone.
    ("“The total number will be up to 9,000", "en", "“The total number will be up to 9,000”"),
    ("Belarus’s military budget", "en", "Belarus’s military budget"),
    # Straight quotes in German become German ones, then are balanced (Alesin in seed 001).
    ('"Die Werchowna Rada muss Russland den Krieg erklären', "de",
     "„Die Werchowna Rada muss Russland den Krieg erklären“"),
    ('Aber "es wird keine Mobilisierung geben", versicherte er.', "de",
     "Aber „es wird keine Mobilisierung geben“, versicherte er."),
    # Balanced already: unchanged.
    ("Die letzten „Gespräche unter Freunden“ hatten", "de", "Die letzten „Gespräche unter Freunden“ hatten"),
])
def test_balanced_adds_the_missing_quotation_marks(text, language, shown):
    assert balanced(text, language) == shown


def test_balanced_leaves_the_data_verbatim():
    figures = bb.load("figures")
    before = figures["excerpt"].copy()
    for _, row in figures.iterrows():
        bb.evidence.quote(row, "someone")
    assert bb.load("figures")["excerpt"].equals(before)


def _row(excerpt: str, source_id: str = "art-004") -> pd.Series:
    return pd.Series({"excerpt": excerpt, "excerpt_en": "our translation", "source_id": source_id,
                      "claimant": "Lukashenko"})


def test_quote_marks_german_and_balances():
    block = bb.evidence.quote(_row("wir töten niemanden“, sagte er."), "Lukashenko").data
    assert block.startswith("> ")
    assert '<span lang="de">„wir töten niemanden“, sagte er.</span>' in block
    assert "*our translation*" in block and 'lang="de">*our' not in block


def test_english_excerpt_gets_no_lang_markup():
    row = _row("approximately 45,000 active duty troops", "MIL-03")
    assert "lang=" not in bb.evidence.quote(row, "the CIA").data


def test_items_and_table_mark_german():
    rows = pd.DataFrame([_row("Die Armee werde das Problem nicht lösen.“"),
                         _row("approximately 45,000 active duty troops", "MIL-03")])
    listing = bb.evidence.items(rows, lambda r: "claim").data
    assert '<span lang="de">„Die Armee werde das Problem nicht lösen.“</span>' in listing
    table = bb.evidence.table(rows, lambda r: "says").data
    assert '<td lang="de">„Die Armee werde das Problem nicht lösen.“</td>' in table
    assert "<td>approximately 45,000 active duty troops</td>" in table


def test_quotation_marks_german():
    quotes = bb.load("quotes")
    german = quotes[quotes["source_id"].str.startswith("art-")].iloc[0]
    block = bb.text.quotation(german["quote_id"]).data
    assert block.startswith('> <span lang="de">')


def test_markup_in_an_excerpt_stays_text():
    block = bb.evidence.quote(_row("Quote <script>x()</script>"), "X").data
    assert "<script>" not in block and "&lt;script&gt;" in block


def test_name_sources_replaces_our_ids_with_names():
    text = name_sources("day taken from context KD-06 (26 Nov 2022); month given by art-003")
    assert "KD-06" not in text and "art-003" not in text
    assert "Reuters" in text and "the Swiss daily" in text


def test_evidence_table_names_the_outlet_once():
    from belarus_book.evidence import claimed_by

    assert claimed_by({"claimant": "Swiss daily (Paul Flückiger)", "source_id": "art-003"}) \
        == "Swiss daily (Paul Flückiger)"
    assert claimed_by({"claimant": "Lukashenko", "source_id": "art-002"}) == "Lukashenko (taz)"
    assert claimed_by({"claimant": "Lukashenko (via Belta)", "source_id": "art-002"}) \
        == "Lukashenko (via Belta; taz)"
    assert claimed_by({"claimant": None, "source_id": "art-002"}) == "taz, December 2022 (Monday 19 December inferred)"
