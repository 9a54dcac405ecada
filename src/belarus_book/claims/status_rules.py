"""The claims ledger's rules: the statuses, their precedence, and what each does and does not mean.

See :mod:`belarus_book.claims` for the rules in words; :func:`assign_status` applies them to
any frame with the columns it names, so they can be tested on small fixtures.
"""

from __future__ import annotations

import pandas as pd

from ..i18n import tr
from .readings import agree

#: Statuses in order of precedence (the first rule that applies wins).
STATUSES = ["unverified", "official claim", "announced, not verified", "disputed", "on record",
            "several sources", "single source"]

#: What each status means, as the page and the CSV's schema state it.
STATUS_RULES = {
    "unverified": "the source itself says the claim cannot be checked (the leaked letter)",
    "official claim": "an official result or statistic that the vetted outside source marks as "
                      "the authorities' own, unchecked claim, such as the result of a vote it "
                      "does not consider free",
    "announced, not verified": "figures officials announced; the vetted outside source says no one "
                               "verified what was actually deployed",
    "disputed": "different sources give different values for the same quantity, date or event, "
                "and the difference is larger than the rounding or precision they state; a "
                "stated bound (“no fewer than”) is met by any value beyond it, and a "
                "source’s own rounding of a figure it also gives is compared through that figure",
    "on record": "the claim comes from a vetted outside source, or one compared on the same "
                 "point says the same",
    "several sources": "two or more different sources agree on it",
    "single source": "only one source makes the claim",
}

#: What each status does not mean: the page says it beside the rule.
STATUS_LIMITS = {
    "unverified": "It does not mean the claim is false.",
    "official claim": "It does not mean the figure is false, only that no independent count "
                      "stands behind it; the book reports it as the authorities' claim.",
    "announced, not verified": "It does not mean the figures were or were not reached.",
    "disputed": "It does not say which source is right. Polls may disagree because they asked "
                "different questions at different times.",
    "on record": "It does not mean beyond doubt: a vetted source can err, and the status says "
                 "only that the claim is documented outside the articles.",
    "several sources": "It does not mean independent confirmation: the articles may draw on the "
                       "same source.",
    "single source": "It does not mean the claim is doubtful, only that no other source here "
                     "speaks to it.",
}


def own_roundings(group: pd.DataFrame) -> set:
    """The rows of ``group`` that round a figure their source also gives on the same point
    (the Swiss daily's subheading "Fast 1500" beside its "nicht weniger als 1437"): such a
    row is the source's own shorthand, not a second claim, so it is compared through the
    figure it rounds and disputes nothing by itself."""
    read = group[group["reading"].notna()]
    rounded = read["reading"].map(lambda r: r.approximate)
    return {i for i, row in read[rounded].iterrows()
            if ((read["table"] == row["table"]) & (read["source_id"] == row["source_id"]) & ~rounded).any()}


def _disputed(group: pd.DataFrame) -> bool:
    """Whether two rows of one table in ``group``, from different sources, give readings
    that cannot both be right (a source's own rounding aside)."""
    compared = group[group["reading"].notna()].drop(index=list(own_roundings(group)))
    for _, rows in compared.groupby("table"):
        for i, a in rows.iterrows():
            if any(a["source_id"] != b["source_id"] and not agree(a["reading"], b["reading"])
                   for _, b in rows.loc[i:].iterrows()):
                return True
    return False


def _decide(row, group, disputed: bool, context, caveats):
    if bool(row["unverifiable"]):
        return "unverified", tr("The source says the claim cannot be checked.")
    if row["source_id"] in caveats:
        status, caution = caveats[row["source_id"]]
        return status, f"{tr('The vetted outside source’s caution:')} {caution}"
    n = group["source_id"].nunique() if group is not None else 1
    if disputed:
        return "disputed", tr("{n} sources compared on this point give different values, beyond "
                              "the rounding they state.").format(n=n)
    if row["source_id"] in context:
        return "on record", tr("From a vetted outside source.")
    if group is not None and group["source_id"].isin(context).any():
        return "on record", tr("A vetted outside source says the same.")
    if n >= 2:
        return "several sources", tr("{n} sources say the same.").format(n=n)
    return "single source", tr("Only this source makes the claim.")


def assign_status(claims: pd.DataFrame, context_sources, caveats=None) -> pd.DataFrame:
    """``claims`` with ``status`` and ``status_reason`` columns.

    ``claims`` needs: ``table``, ``source_id``, ``group`` (missing: no group), ``reading``
    (:func:`~belarus_book.claims.readings.reading`; compared only within one table of one
    group) and ``unverifiable`` (bool); an optional ``question`` names the survey question a
    poll's answer belongs to, so that all answers to it share one status.
    ``context_sources`` are the ids of the vetted outside sources; ``caveats`` maps an outside
    source to the status its caution gives every claim from it and the caution's words.
    """
    caveats = dict(caveats or {})
    context = set(context_sources) - set(caveats)
    out = claims.copy()
    grouped = {g: rows for g, rows in out[out["group"].notna()].groupby("group")}
    disputed = {g for g, rows in grouped.items() if _disputed(rows)}
    decided = [_decide(row, grouped.get(row["group"]) if pd.notna(row["group"]) else None,
                       row["group"] in disputed, context, caveats) for _, row in out.iterrows()]
    out = out.assign(status=[s for s, _ in decided], status_reason=[r for _, r in decided])
    for i in set().union(*map(own_roundings, grouped.values())):
        out.loc[i, "status_reason"] += " " + tr("This row rounds a figure its source also gives "
                                                "on this point, and is compared through it.")
    return _one_status_per_question(out)


def _one_status_per_question(out: pd.DataFrame) -> pd.DataFrame:
    """Answers to one survey question take the status that comes first among them."""
    if "question" not in out.columns:
        return out
    rank = out["status"].map(STATUSES.index)
    for _, answers in out[out["question"].notna()].groupby("question"):
        if answers["status"].nunique() < 2:
            continue
        first = rank[answers.index].idxmin()
        reason = (f"{tr('Answers to one survey question share one status; for another answer to it:')} "
                  f"{out.at[first, 'status_reason']}")
        for i in answers.index.difference([first]):
            out.loc[i, ["status", "status_reason"]] = [out.at[first, "status"], reason]
    return out
