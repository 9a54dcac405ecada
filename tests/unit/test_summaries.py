"""Bottom lines and key takeaways claim no more than the ledger backs (rules:
tests/summary_rules.py)."""

from __future__ import annotations

import pytest

from ..summary_rules import CHAPTERS, CLAIMS, _check, bottom_line, claims_of, names_a_claimant, statuses, takeaways


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.stem)
def test_bottom_line_items_claim_no_more_than_the_ledger(page):
    problems = []
    for label, item in bottom_line(page):
        problems += _check(f"{page.stem} bottom line {label!r}", item, label)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.stem)
def test_takeaways_say_whose_claim_and_claim_no_more_than_the_ledger(page):
    problems = []
    for item in takeaways(page):
        where = f"{page.stem} takeaway"
        problems += _check(where, item)
        ids = claims_of(item)
        if ids and any(statuses().get(i) != "on record" for i in ids) and not names_a_claimant(CLAIMS.sub("", item)):
            problems.append(f"{where}: says no one's claim: {item[:90]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("label", "text", "problem"), [
    ("Rely on", "Rely on X {claims}`fig-army-lukashenko`.", "not firm"),
    ("What is disputed", "The year {claims}`ev-kd-06`.", "does not mark disputed"),
    ("", "This proves it {claims}`fig-army-lukashenko`.", "closes a question"),
    ("", "No claims here.", "names no claims"),
    ("", "Unknown {claims}`no-such-claim`.", "not claims in the ledger"),
])
def test_the_checks_catch_what_they_are_for(label, text, problem):
    assert any(problem in p for p in _check("test", text, label))


def test_attribution_is_recognised():
    assert names_a_claimant("Lukashenko says the army has 40,000 men")
    assert names_a_claimant("According to the taz, the visit was short")
    assert names_a_claimant("Officials say the army is small")  # a plural claimant
    assert not names_a_claimant("The army is small and outdated")
