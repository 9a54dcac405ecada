"""The ledger's "chapters" column against what each chapter shows when it runs."""

from __future__ import annotations

import pytest

from belarus_book import claims

from ..helpers import ROOT


@pytest.fixture(scope="module")
def book():
    return claims.ledger(ROOT / "data", ROOT / "chapters")


#: Claims a chapter shows (its SourceLog records them) that the ledger's reading of the
#: chapter's source misses: rows whose ids the code builds (f"fig-border-ua-{name}"), or a
#: whole table passed through the log while the source names a few of its rows. Known gaps,
#: listed so that no new one creeps in; the list should shrink, not grow.
KNOWN_GAPS = {
    "dependence": {"pp-2022-03"},
    "military-capacity": {"fig-border-ua-belta", "fig-border-ua-eprs", "fig-border-ua-land",
                          "fig-border-ua-swiss", "fig-border-ua-water"},
    "mobilisation": {"poll-po01-not-support", "poll-po02-participation",
                     "poll-po05-participation-neg", "poll-po05-participation-pos"},
}


@pytest.mark.slow
@pytest.mark.parametrize("chapter", sorted(p.stem for p in (ROOT / "chapters").glob("*.md")))
def test_ledger_assigns_a_chapter_every_claim_it_shows(chapter, book, chapters_alone):
    """The ledger's "chapters" column (read from the chapter's source) holds every claim the
    chapter's SourceLog recorded while it ran (but the known gaps), so the box's counts and
    the ledger agree."""
    run = chapters_alone[chapter]
    assert run.returncode == 0, run.stderr[-3000:]
    shown = run.claim_ids
    assigned = set(book.loc[book["chapters"].str.split().apply(lambda s: chapter in s), "claim_id"])
    assert shown, "the chapter recorded no claim"
    missed = shown - assigned - KNOWN_GAPS.get(chapter, set())
    assert not missed, f"shown but not in the ledger's chapter: {sorted(missed)}"
