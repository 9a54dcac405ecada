"""The claims ledger's rules: the statuses, their precedence, and which tables hold claims.

See :mod:`belarus_book.claims` for the rules in words; :func:`assign_status` applies them to
any frame with the columns it names, so they can be tested on small fixtures.
"""

from __future__ import annotations

import pandas as pd

#: Statuses in order of precedence (the first rule that applies wins).
STATUSES = ["unverified", "disputed", "on record", "several sources", "single source"]

#: What each status means, as the page and the CSV's schema state it.
STATUS_RULES = {
    "unverified": "the source itself says the claim cannot be checked (the leaked letter)",
    "disputed": "sources compared on the same point give different values or readings",
    "on record": "the claim comes from a vetted outside source, or one in the same "
                 "comparison says the same",
    "several sources": "two or more different sources agree on it",
    "single source": "only one source makes the claim",
}


#: Columns that hold a row's reading of a disputed point: two rows of one table in one
#: group that differ in these disagree.
READING_COLUMNS = {
    "events": ["date", "date_end"],
    "figures": ["value", "value_low", "value_high"],
    "polls": ["share_pct", "share_low", "share_high"],
    "political_prisoners": ["count"],
}



def assign_status(claims: pd.DataFrame, context_sources) -> pd.DataFrame:
    """``claims`` with ``status`` and ``status_reason`` columns.

    ``claims`` needs: ``table``, ``source_id``, ``group`` (missing: no group), ``reading``
    (a string; compared only within one table of one group) and ``unverifiable`` (bool).
    ``context_sources`` are the ids of the vetted outside sources.
    """
    context = set(context_sources)
    out = claims.copy()
    statuses, reasons = [], []
    grouped = {g: rows for g, rows in out[out["group"].notna()].groupby("group")}
    for _, row in out.iterrows():
        group = grouped.get(row["group"]) if pd.notna(row["group"]) else None
        if bool(row["unverifiable"]):
            statuses.append("unverified")
            reasons.append("The source says the claim cannot be checked.")
            continue
        if group is not None:
            differing = group.groupby("table")["reading"].nunique()
            if (differing > 1).any():
                statuses.append("disputed")
                reasons.append(f"{group['source_id'].nunique()} sources compared on this point "
                               "give different values or readings.")
                continue
        if row["source_id"] in context:
            statuses.append("on record")
            reasons.append("From a vetted outside source.")
            continue
        if group is not None and group["source_id"].isin(context).any():
            statuses.append("on record")
            reasons.append("A vetted outside source says the same.")
            continue
        if group is not None and group["source_id"].nunique() >= 2:
            statuses.append("several sources")
            reasons.append(f"{group['source_id'].nunique()} sources say the same.")
            continue
        statuses.append("single source")
        reasons.append("Only this source makes the claim.")
    return out.assign(status=statuses, status_reason=reasons)


def reading(row, columns) -> str:
    parts = []
    for c in columns:
        v = row.get(c)
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            parts.append("")
        elif isinstance(v, pd.Timestamp):
            parts.append(v.strftime("%Y-%m-%d"))
        else:
            parts.append(str(v))
    return "|".join(parts)


