"""The titles of the built charts say whose claim they state and claim no more than the
ledger backs (rules: tests/summary_rules.py)."""

from __future__ import annotations

from ..summary_rules import CLOSING, FIRM, names_a_claimant, statuses


def _title(spec: dict) -> str:
    title = spec.get("title") or ""
    text = title.get("text", "") if isinstance(title, dict) else title
    return " ".join(text) if isinstance(text, list) else str(text)


def _chart_claims(spec: dict) -> set[str]:
    from belarus_book.data.claim_tables import CLAIM_TABLES
    from belarus_book.web.chart_html import data_values

    keys = set(CLAIM_TABLES.values())
    return {str(row[k]) for values in data_values(spec) for row in (values or [])
            if isinstance(row, dict) for k in keys & set(row) if row[k]}


def test_chart_titles_say_whose_claim_and_claim_no_more_than_the_ledger(site, chapter_page):
    from belarus_book.commands.chromium import chart_specs

    page = chapter_page
    specs = chart_specs(site, site / page)
    assert specs, f"{page}: no charts"
    problems = []
    for spec in specs:
        title, ids = _title(spec), _chart_claims(spec)
        status = {i: statuses()[i] for i in ids if i in statuses()}
        if not title:
            problems.append(f"{page}: a chart with no title")
        if not status:  # a map of places, say: no claim drawn (chart_data keeps claim ids)
            continue
        if set(status.values()) - {"on record"} and not names_a_claimant(title):
            problems.append(f"{page}: title says no one's claim: {title!r} ({sorted(set(status.values()))})")
        if CLOSING.search(title) and set(status.values()) - FIRM:
            problems.append(f"{page}: title closes a question the ledger leaves open: {title!r}")
    assert not problems, "\n".join(problems)
