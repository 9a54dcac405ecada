"""The claims ledger as a table, and the counts of its statuses a chapter's closing box shows.

Counting needs only the data, not the chapters' sources, so it works in a reader's Jupyter
with nothing but the package installed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..data import find_data_dir, load
from ..data.claim_tables import CLAIM_TABLES
from ..data.shown import SHOWN
from ..i18n import language, text_of, tr
from ..i18n.formats import number
from ..text import translation
from ..text.dates import date_label, when
from .readings import reading
from .status_rules import STATUSES, assign_status


def _num(v) -> str:
    if v is None or pd.isna(v):
        return ""
    return number(v)


def _claim_text(name: str, r, people: pd.DataFrame) -> str:
    """What a row claims, in a line, in the edition's language."""
    text = lambda column: text_of(r, column)  # noqa: E731
    if name == "events":
        return str(text("title_en"))
    if name == "figures":
        if pd.notna(r["value"]):
            value = f"{r['value']:.0f}" if r["unit"] == "year" else _num(r["value"])
        elif pd.isna(r["value_high"]):
            value = f"{tr('at least')} {_num(r['value_low'])}"
        elif pd.isna(r["value_low"]):
            value = f"{tr('at most')} {_num(r['value_high'])}"
        else:
            value = f"{_num(r['value_low'])}–{_num(r['value_high'])}"
        return f"{text('measure')}: {value} {text('unit')}"
    if name == "polls":
        if pd.notna(r["share_pct"]):
            share = f": {_num(r['share_pct'])} %"
        elif pd.notna(r["share_low"]):
            share = f": {_num(r['share_low'])}–{_num(r['share_high'])} %"
        else:
            share = ""
        return f"{text('question_en')}: „{text('answer_en')}“{share} ({text('pollster')})" \
            if language() == "de" else f"{text('question_en')}: “{text('answer_en')}”{share} ({text('pollster')})"
    if name == "quotes":
        who = people.loc[r["person_id"], "name"] if r["person_id"] in people.index else text("claimant")
        words = translation(r) or r["excerpt"]
        return f"{who}: „{words}“" if language() == "de" else f"{who}: “{words}”"
    if name == "arguments":
        return str(text("argument_en"))
    if name == "support":
        return f"{tr('Given') if r['status'] == 'provided' else tr('Withheld')}: {text('item_en')}"
    if name == "political_prisoners":
        bound = f"{tr(r['bound'])} " if pd.notna(r["bound"]) else ""
        return f"{tr('Political prisoners in Belarus')}: {bound}{_num(r['count'])}"
    if name == "economy":
        value = _num(r["value"]) if pd.notna(r["value"]) else ""
        return f"{text('indicator')} ({r['period']}): {value} {text('unit')}".replace("  ", " ")
    raise KeyError(name)


def _date_text(name: str, r, src) -> str:
    if name == "figures" and _dated_as_its_article(r, src):
        # The figures table has no date_basis: a figure of its article's day is as surely
        # dated as the article is ("inferred from Euro Weekly News" for the taz's figures).
        return when(src)
    if name in ("events", "quotes", "figures"):
        return when(r)
    if name == "political_prisoners":
        return date_label(r["date"], r["date_precision"])
    if name == "polls" and pd.notna(r["fieldwork_start"]):
        return date_label(r["fieldwork_start"], "range", r["fieldwork_end"])
    if name == "economy":
        return str(r["period"])
    return ""


def _dated_as_its_article(r, src) -> bool:
    """Whether a figure's ``as_of`` is its article's own date, at the same precision."""
    return (src["kind"] == "article" and pd.notna(r["as_of"]) and pd.notna(src["date"])
            and r["as_of"] == src["date"] and r["as_of_precision"] == src["date_precision"])


def ledger(data_dir=None, chapters: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """One row per claim: what it says, who says it, where, the evidence, the chapters that
    show it and its status. ``chapters`` maps a claim's id to the chapters that showed it,
    as they recorded it when they ran (:mod:`belarus_book.data.shown`; the build gathers
    it); without it the column stays empty (the statuses do not depend on it)."""
    data_dir = Path(data_dir) if data_dir is not None else find_data_dir()
    chapters = chapters or {}
    # The book's bookkeeping: a chapter that counts its claims' statuses has not used these
    # tables (its record, :mod:`belarus_book.data.shown`, leaves them out).
    sources = load("sources", data_dir, record=False).set_index("source_id")
    people = load("people", data_dir, record=False).set_index("person_id")
    tables = {name: load(name, data_dir, record=False) for name in CLAIM_TABLES}
    figures = tables["figures"]
    leaks = set(figures.loc[figures["claimant_type"] == "leak", "claimant"].dropna())

    rows = []
    for name, frame in tables.items():
        key = CLAIM_TABLES[name]
        for _, r in frame.iterrows():
            if "conflict_group" in frame.columns and pd.notna(r["conflict_group"]):
                group = r["conflict_group"]
            elif name == "support":
                group = f"support: {r['category']} {r['status']}"
            else:
                group = None
            src = sources.loc[r["source_id"]]
            rows.append({
                "claim_id": r[key],
                "table": name,
                "claim_en": _claim_text(name, r, people),
                "claimant": (text_of(r, "claimant") if pd.notna(r["claimant"])
                             else text_of(src, "cite_as")),
                "source_id": r["source_id"],
                "source": text_of(src, "cite_as"),
                "source_short": text_of(src, "short_name"),
                "source_kind": src["kind"],
                "published": src["date"].strftime("%Y-%m-%d") if pd.notna(src["date"]) else "",
                "claim_date": _date_text(name, r, src),
                "excerpt": r["excerpt"],
                "excerpt_en": r["excerpt_en"] if pd.notna(r["excerpt_en"]) else "",
                "translation": translation(r) or "",
                "language": src["language"] if pd.notna(src["language"]) else "en",
                "chapters": " ".join(chapters.get(str(r[key]), [])),
                "group": group,
                "reading": reading(name, r),
                "question": (f"{r['source_id']}|{r['question_en']}|{r['fieldwork_start']}|{r['fieldwork_end']}"
                             if name == "polls" else None),
                "unverifiable": r["claimant"] in leaks,
            })
    frame = pd.DataFrame(rows)
    context = set(sources.index[sources["kind"] == "context"])
    flagged = sources[sources["claim_status"].notna()]
    cautions = [text_of(row, "claim_caution") for _, row in flagged.iterrows()]
    caveats = dict(zip(flagged.index, zip(flagged["claim_status"], pd.Series(cautions).fillna(""),
                                          strict=True), strict=True))
    return assign_status(frame, context, caveats)


# --------------------------------------------------------------------------- in a chapter
def status_counts(claim_ids, data_dir=None, frame: pd.DataFrame | None = None) -> dict[str, int]:
    """{status: how many of ``claim_ids`` have it}, every status in :data:`STATUSES` order
    (0 where none). Ids that are not claims are ignored. The statuses are the ledger's
    (``frame``, or :func:`ledger` of ``data_dir`` without reading any chapter)."""
    if frame is None:
        frame = ledger(data_dir)
    shown = frame[frame["claim_id"].astype(str).isin({str(i) for i in claim_ids})]
    counts = shown["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in STATUSES}


def counts_sentence(claim_ids=None, data_dir=None, frame: pd.DataFrame | None = None,
                    where: str = "on this page") -> str:
    """The statuses of ``claim_ids`` in one sentence for a chapter's closing box: "Of the 40
    claims shown on this page, the claims ledger marks 2 as unverified, 5 as disputed and
    33 as single source." Statuses no claim has are left out. Without ``claim_ids``: the
    claims the chapter has shown so far (:mod:`belarus_book.data.shown`)."""
    if claim_ids is None:
        claim_ids = SHOWN.claim_ids
    counts = status_counts(claim_ids, data_dir, frame)
    total = sum(counts.values())
    where = tr(where)
    if total == 0:
        return tr("The claims ledger lists no claim shown {where}.").format(where=where)
    parts = [tr("{n} as {status}").format(n=n, status=tr(s)) for s, n in counts.items() if n]
    marks = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + tr(" and ") + parts[-1]
    if total == 1:
        status = tr(next(s for s, n in counts.items() if n))
        return tr("The one claim shown {where} is marked {status} in the claims ledger.").format(
            where=where, status=status)
    return tr("Of the {total} claims shown {where}, the claims ledger marks {marks}.").format(
        total=total, where=where, marks=marks)


