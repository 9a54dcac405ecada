"""How a row's date is known: the rules for ``date_basis`` and ``date_from``.

A date the source does not give must say so in a field, not only in a note, so that a page
can count or mark it without reading words: ``stated`` (the source gives it, or fixes it
exactly from its own date), ``inferred`` (worked out from a weekday or a relative phrase
with a dated outside source), ``reported`` (the source does not date it; the date is that of
the report, the latest it can have happened) or ``undated`` (the date is only a sort key).
An inferred date names the outside source(s) it rests on in ``date_from``; an article or an
unknown id there would hide where the date came from. The one article it may name is the
row's own source (``source_id``): a date worked out from the source's own words or its own
date ("Donnerstag (24. November)" in an article that prints no year; "am Wochenende" in an
article of Monday 19 December) rests on nothing else, and naming the source says so.
"""
from __future__ import annotations

from pathlib import Path

from .files import label, read_rows, resource

#: Bases whose date rests on other sources; only these may name them in ``date_from``.
RESTS_ON_OTHERS = {"inferred", "reported"}
#: How ``date_from`` separates several source ids.
SEPARATOR = ";"


def date_sources(value: str) -> list[str]:
    """The source ids in a ``date_from`` cell: "KD-07; KD-08" -> ["KD-07", "KD-08"]."""
    return [part.strip() for part in (value or "").split(SEPARATOR) if part.strip()]


def context_sources(data_dir: Path, pkg: dict) -> tuple[str, set[str]]:
    """The sources table as named in messages, and the ids of its rows of kind "context"
    (empty when the table cannot be read: its own check reports why)."""
    res = resource(pkg, "sources")
    path = data_dir / res["path"]
    if not path.is_file():
        return label(data_dir, res), set()
    header, rows = read_rows(path)
    if "source_id" not in header or "kind" not in header:
        return label(data_dir, res), set()
    key, kind = header.index("source_id"), header.index("kind")
    return label(data_dir, res), {rec[key] for _, rec in rows
                                  if len(rec) == len(header) and rec[kind] == "context"}


def check_date_basis(where: str, row: dict, sources_label: str, context: set[str]) -> list[str]:
    """Problems with one row's ``date_basis`` and ``date_from`` (``where`` ends in "column")."""
    if "date_basis" not in row:
        return []
    date, basis = row.get("date", "").strip(), row["date_basis"].strip()
    cited = date_sources(row.get("date_from", ""))
    problems = []
    if date and not basis:
        problems.append(f'{where} "date_basis": empty, but the row has a date (say how it is '
                        f"known: stated, inferred, reported or undated)")
    if basis and not date:
        problems.append(f'{where} "date_basis": {basis!r}, but the row has no date')
    if basis == "inferred" and not cited:
        problems.append(f'{where} "date_from": empty, but date_basis is \'inferred\' (name the '
                        f"dated outside source(s) the date was worked out from)")
    if cited and basis not in RESTS_ON_OTHERS:
        problems.append(f'{where} "date_from": {row["date_from"]!r} given, but date_basis is '
                        f"{basis or 'empty'!r} (only an inferred or reported date rests on "
                        f"other sources)")
    own = row.get("source_id", "").strip()
    problems += [f'{where} "date_from": {sid!r} is not a context source in {sources_label} '
                 f"(an inferred date rests on a dated outside source, or on the row's own "
                 f"source {own!r})"
                 for sid in cited if sid not in context and sid != own]
    return problems
