"""The ledger's "chapters" column against what each chapter shows when it runs on its own."""

from __future__ import annotations

import csv

import pytest


@pytest.mark.slow
def test_the_ledger_names_every_claim_a_chapter_shows_as_a_reader_runs_it(site, chapter_page, chapters_alone):
    """The published ledger's "chapters" column comes from the record each chapter left in
    the build; a reader's run of the notebook edition shows the same claims, but for those
    only the text's numbers rest on (their cells are not in the notebook), so every claim it
    records is in the ledger under that chapter."""
    chapter = chapter_page.removeprefix("chapters/").removesuffix(".html")
    run = chapters_alone[chapter]
    assert run.returncode == 0, run.stderr[-3000:]
    with (site / "data" / "claims.csv").open(encoding="utf-8") as f:
        assigned = {row["claim_id"] for row in csv.DictReader(f) if chapter in row["chapters"].split()}
    assert run.claim_ids, "the chapter recorded no claim"
    assert run.claim_ids <= assigned, f"shown but not in the ledger: {sorted(run.claim_ids - assigned)}"
