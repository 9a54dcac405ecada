"""The claims ledger: every claim in the book's data, with a status derived by stated rules.

A *claim* is a row of one of the claim tables (events, figures, polls, quotes, arguments,
forms of support, political prisoners, economy); bookkeeping tables (sources, people,
organisations, places) hold no claims. Each claim gets exactly one status, the first of
these rules that applies (the order is the precedence):

1. **unverified**: the source itself says the claim cannot be checked. In the data this is
   the claimant typed ``leak`` in ``figures.claimant_type`` (the leaked FSB letter); every
   row of any table with the same claimant is unverified too.
2. **disputed**: the row is in a comparison group (``conflict_group``) whose rows give
   different values or readings (different numbers, shares, counts or dates).
3. **on record**: the claim comes from a vetted outside source (``sources.kind`` is
   ``context``), or an outside source in the same group says the same.
4. **several sources**: two or more different sources in the same group agree.
5. **single source**: everything else.

Groups are the ``conflict_group`` column where a table has one; a form of support is grouped
with every other row naming the same kind of support with the same status (given or withheld).

Which chapter uses a claim is read from the chapters' sources (see :func:`chapter_use`).
Pure Python and pandas; :func:`ledger` builds the whole table, :func:`assign_status` applies
the rules to any frame with the columns it names (so they can be tested on small fixtures).

A chapter's closing box counts the statuses of the claims it showed: its
:class:`~belarus_book.text.SourceLog` records their ids, and :func:`counts_sentence` (over
:func:`status_counts`) phrases the counts. That needs only the data, not the chapters'
sources, so it works in a reader's Jupyter with nothing but the package installed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from .data import find_data_dir, load

__all__ = ["STATUSES", "CLAIM_TABLES", "assign_status", "chapter_use", "ledger",
           "status_counts", "counts_sentence", "counts_html", "ledger_html",
           "write_published", "RESOURCE_NAME"]

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

#: Claim tables and their id columns, in the order the ledger lists them.
CLAIM_TABLES = {
    "events": "event_id", "figures": "figure_id", "polls": "poll_id", "quotes": "quote_id",
    "arguments": "argument_id", "support": "support_id",
    "political_prisoners": "record_id", "economy": "indicator_id",
}

#: Columns that hold a row's reading of a disputed point: two rows of one table in one
#: group that differ in these disagree.
READING_COLUMNS = {
    "events": ["date", "date_end"],
    "figures": ["value", "value_low", "value_high"],
    "polls": ["share_pct", "share_low", "share_high"],
    "political_prisoners": ["count"],
}

RESOURCE_NAME = "claims"


# --------------------------------------------------------------------------- the rules
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


def _reading(row, columns) -> str:
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


# --------------------------------------------------------------------------- chapters
_LOAD = r"""\b(?:bb|bd|belarus_book(?:\.data)?)\.load\(\s*["']{}["']"""
# rows picked by a value: frame["theme"] == "mobilisation", .kind == 'trigger', kind == "x"
_SELECT = re.compile(r"""(?:\[\s*["'](\w+)["']\s*\]|\.(\w+)|\b(\w+))\s*(?:==|\.eq\()\s*["']([^"']+)["']""")


def chapter_use(tables: dict[str, pd.DataFrame], sources: dict[str, str]) -> dict[str, list[str]]:
    """Which chapters use which claim: {row id: [chapter slugs]}.

    ``tables`` maps a claim table's name to its frame; ``sources`` a chapter's slug to the
    text of its MyST source. A chapter uses a row when its source

    1. names the row's id (a quotation, a row looked up, a table of chosen rows), or
    2. loads the row's table and picks rows by a value of one of its columns
       (``events["theme"] == "mobilisation"``), and the row has that value, or
    3. loads the table and neither names nor picks any of its rows: it shows it whole.
    """
    used: dict[str, list[str]] = {}
    for slug, text in sorted(sources.items()):
        picks = {(a or b or c, v) for a, b, c, v in _SELECT.findall(text)}
        for name, frame in tables.items():
            key = CLAIM_TABLES[name]
            ids = frame[key].astype(str)
            named = {i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)}
            loads = re.search(_LOAD.format(re.escape(name)), text) is not None
            picked = set()
            if loads:
                for col, value in picks:
                    if col in frame.columns and col != key:
                        picked |= set(ids[frame[col].astype(str) == value])
                if not named and not picked:
                    picked = set(ids)
            for i in named | picked:
                used.setdefault(i, []).append(slug)
    return used


def chapter_titles(chapters_dir: Path) -> dict[str, str]:
    """{slug: title} of every chapter source in ``chapters_dir`` (its first # heading)."""
    titles = {}
    for path in sorted(Path(chapters_dir).glob("*.md")):
        m = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.M)
        titles[path.stem] = m.group(1).strip() if m else path.stem
    return titles


# --------------------------------------------------------------------------- the ledger
def _num(v) -> str:
    if v is None or pd.isna(v):
        return ""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def _claim_text(name: str, r, people: pd.DataFrame) -> str:
    if name == "events":
        return str(r["title_en"])
    if name == "figures":
        if pd.notna(r["value"]):
            value = f"{r['value']:.0f}" if r["unit"] == "year" else _num(r["value"])
        else:
            value = f"{_num(r['value_low'])}–{_num(r['value_high'])}"
        return f"{r['measure']}: {value} {r['unit']}"
    if name == "polls":
        if pd.notna(r["share_pct"]):
            share = f": {_num(r['share_pct'])} %"
        elif pd.notna(r["share_low"]):
            share = f": {_num(r['share_low'])}–{_num(r['share_high'])} %"
        else:
            share = ""
        return f"{r['question_en']}: “{r['answer_en']}”{share} ({r['pollster']})"
    if name == "quotes":
        who = people.loc[r["person_id"], "name"] if r["person_id"] in people.index else r["claimant"]
        return f"{who}: “{r['excerpt_en'] if pd.notna(r['excerpt_en']) else r['excerpt']}”"
    if name == "arguments":
        return str(r["argument_en"])
    if name == "support":
        return f"{'Given' if r['status'] == 'provided' else 'Withheld'}: {r['item_en']}"
    if name == "political_prisoners":
        return f"Political prisoners in Belarus: {_num(r['count'])}"
    if name == "economy":
        value = _num(r["value"]) if pd.notna(r["value"]) else ""
        return f"{r['indicator']} ({r['period']}): {value} {r['unit']}".replace("  ", " ")
    raise KeyError(name)


def _date_text(name: str, r) -> str:
    from .text import date_label

    if name in ("events", "quotes"):
        return date_label(r["date"], r["date_precision"], r.get("date_end"))
    if name == "political_prisoners":
        return date_label(r["date"], r["date_precision"])
    if name == "figures" and pd.notna(r["as_of"]):
        return date_label(r["as_of"], r["as_of_precision"] if pd.notna(r["as_of_precision"]) else "day")
    if name == "polls" and pd.notna(r["fieldwork_start"]):
        return date_label(r["fieldwork_start"], "range", r["fieldwork_end"])
    if name == "economy":
        return str(r["period"])
    return ""


def ledger(data_dir=None, chapters_dir=None, chapters: bool = True) -> pd.DataFrame:
    """One row per claim: what it says, who says it, where, the evidence, the chapters that
    use it and its status. ``chapters_dir`` defaults to ``chapters/`` beside the data; with
    ``chapters=False`` no chapter source is read and the chapters column stays empty (the
    statuses do not depend on it)."""
    data_dir = Path(data_dir) if data_dir is not None else find_data_dir()
    chapters_dir = Path(chapters_dir) if chapters_dir is not None else data_dir.parent / "chapters"
    sources = load("sources", data_dir).set_index("source_id")
    people = load("people", data_dir).set_index("person_id")
    tables = {name: load(name, data_dir) for name in CLAIM_TABLES}
    figures = tables["figures"]
    leaks = set(figures.loc[figures["claimant_type"] == "leak", "claimant"].dropna())
    texts = ({p.stem: p.read_text(encoding="utf-8") for p in sorted(chapters_dir.glob("*.md"))}
             if chapters else {})
    use = chapter_use(tables, texts)

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
                "claimant": r["claimant"] if pd.notna(r["claimant"]) else src["cite_as"],
                "source_id": r["source_id"],
                "source": src["cite_as"],
                "source_short": src["short_name"],
                "source_kind": src["kind"],
                "published": src["date"].strftime("%Y-%m-%d") if pd.notna(src["date"]) else "",
                "claim_date": _date_text(name, r),
                "excerpt": r["excerpt"],
                "excerpt_en": r["excerpt_en"] if pd.notna(r["excerpt_en"]) else "",
                "language": src["language"] if pd.notna(src["language"]) else "en",
                "chapters": " ".join(use.get(str(r[key]), [])),
                "group": group,
                "reading": _reading(r, READING_COLUMNS.get(name, [])),
                "unverifiable": r["claimant"] in leaks,
            })
    frame = pd.DataFrame(rows)
    context = set(sources.index[sources["kind"] == "context"])
    return assign_status(frame, context)


# --------------------------------------------------------------------------- in a chapter
def status_counts(claim_ids, data_dir=None, frame: pd.DataFrame | None = None) -> dict[str, int]:
    """{status: how many of ``claim_ids`` have it}, every status in :data:`STATUSES` order
    (0 where none). Ids that are not claims are ignored. The statuses are the ledger's
    (``frame``, or :func:`ledger` of ``data_dir`` without reading any chapter)."""
    if frame is None:
        frame = ledger(data_dir, chapters=False)
    shown = frame[frame["claim_id"].astype(str).isin({str(i) for i in claim_ids})]
    counts = shown["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in STATUSES}


def counts_sentence(claim_ids, data_dir=None, frame: pd.DataFrame | None = None,
                    where: str = "on this page") -> str:
    """The statuses of ``claim_ids`` in one sentence for a chapter's closing box: "Of the 40
    claims shown on this page, the claims ledger marks 2 as unverified, 5 as disputed and
    33 as single source." Statuses no claim has are left out."""
    counts = status_counts(claim_ids, data_dir, frame)
    total = sum(counts.values())
    if total == 0:
        return f"The claims ledger lists no claim shown {where}."
    parts = [f"{n} as {s}" for s, n in counts.items() if n]
    marks = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    if total == 1:
        return f"The one claim shown {where} is marked {marks.split(' as ', 1)[1]} in the claims ledger."
    return f"Of the {total} claims shown {where}, the claims ledger marks {marks}."


# --------------------------------------------------------------------------- publishing
#: Columns of the published claims.csv and what each means.
CSV_FIELDS = [
    ("claim_id", "string", "The row's id in its table (primary key)."),
    ("table", "string", "The table the claim comes from."),
    ("claim_en", "string", "The claim in English."),
    ("claimant", "string", "Who makes the claim."),
    ("source_id", "string", "The source that publishes it (see sources.csv)."),
    ("source", "string", "The source as the book cites it."),
    ("published", "date", "Publication date of an article (empty for outside sources)."),
    ("claim_date", "string", "When the claim is dated, as precisely as the source says."),
    ("excerpt", "string", "Verbatim evidence from the source."),
    ("excerpt_en", "string", "Our English translation (empty where the source is in English)."),
    ("chapters", "string", "Chapters that use the claim (space-separated page names)."),
    ("group", "string", "Comparison group: rows on the same point (conflict_group, or "
                        "support of the same kind and status)."),
    ("status", "string", "Derived status; rules in order of precedence: "
                         + "; ".join(f"{s}: {STATUS_RULES[s]}" for s in STATUSES) + "."),
    ("status_reason", "string", "Why the rule applies to this row."),
]


def write_published(site_data: Path, data_dir=None, chapters_dir=None) -> None:
    """Write ``claims.csv`` into the site's published data folder and describe it in that
    folder's ``datapackage.json`` (the source package in ``data/`` stays as it is: the
    ledger is derived from it, not a source)."""
    site_data = Path(site_data)
    frame = ledger(data_dir, chapters_dir)
    columns = [c for c, _, _ in CSV_FIELDS]
    frame[columns].to_csv(site_data / "claims.csv", index=False, encoding="utf-8",
                          lineterminator="\n")
    pkg_path = site_data / "datapackage.json"
    pkg = json.loads(pkg_path.read_text(encoding="utf-8"))
    pkg["resources"] = [r for r in pkg["resources"] if r["name"] != RESOURCE_NAME]
    pkg["resources"].append({
        "name": RESOURCE_NAME,
        "path": "claims.csv",
        "title": "Claims ledger (derived)",
        "description": ("Every claim in the book's claim tables with who makes it, its source, "
                        "its evidence, the chapters that use it and a status derived by stated "
                        "rules. Made by the build from the other tables (belarus_book.claims); "
                        "not a source table."),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "x-excerpt-required": True,
        "x-derived": True,
        "schema": {
            "fields": [
                {"name": c, "type": t, "description": d,
                 **({"constraints": {"enum": STATUSES, "required": True}} if c == "status" else {})}
                for c, t, d in CSV_FIELDS
            ],
            "primaryKey": "claim_id",
            "foreignKeys": [{"fields": "source_id",
                             "reference": {"resource": "sources", "fields": "source_id"}}],
        },
    })
    pkg_path.write_text(json.dumps(pkg, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- the page
def counts_html(frame: pd.DataFrame) -> str:
    """The counts per status, as a list that also states each rule."""
    from .text import esc

    counts = frame["status"].value_counts()
    items = "".join(
        f'<li><strong>{esc(s.capitalize())}</strong>: {int(counts.get(s, 0))} claims '
        f'({esc(STATUS_RULES[s])})</li>' for s in STATUSES)
    return (f'<p>The data holds <strong>{len(frame)}</strong> claims. By status:</p>'
            f'<ul class="claims-counts">{items}</ul>')


def _options(pairs) -> str:
    from .text import esc

    return "".join(f'<option value="{esc(v, quote=True)}">{esc(label)}</option>'
                   for v, label in pairs)


def ledger_html(frame: pd.DataFrame, chapters_dir=None) -> str:
    """The filter controls and the ledger table. The filters are plain HTML; the page's own
    script (``claims_filter.js``, added by the build to this page only) makes them work."""
    from .evidence import ENGLISH_SOURCE
    from .text import balanced, esc, in_language

    chapters_dir = (Path(chapters_dir) if chapters_dir is not None
                    else find_data_dir().parent / "chapters")
    titles = chapter_titles(chapters_dir)
    sources = sorted(frame["source_short"].dropna().unique(), key=str.casefold)
    n = len(frame)
    form = (
        '<form class="claims-filter" id="claims-filter" '
        'style="display:flex;flex-wrap:wrap;gap:0.5rem 1rem;align-items:flex-end;margin-bottom:0.5rem">'
        '<div><label for="claims-q">Search the claims</label><br>'
        '<input type="search" id="claims-q" name="q" autocomplete="off" size="22"></div>'
        '<div><label for="claims-status">Status</label><br><select id="claims-status" name="status">'
        '<option value="">all statuses</option>'
        + _options((s, s) for s in STATUSES) + '</select></div>'
        '<div><label for="claims-chapter">Chapter</label><br><select id="claims-chapter" name="chapter">'
        '<option value="">all chapters</option>'
        + _options(titles.items()) + '<option value="none">no chapter</option></select></div>'
        '<div><label for="claims-source">Source</label><br><select id="claims-source" name="source">'
        '<option value="">all sources</option>' + _options((s, s) for s in sources) + '</select></div>'
        '<div><button type="reset">Show all</button></div>'
        '</form>'
        f'<p id="claims-count" role="status" aria-live="polite">Showing all {n} claims.</p>'
        '<p><a href="../data/claims.csv" download>claims.csv</a>: the whole ledger with each '
        'status and the reason for it, described (with the status rules) in the site\'s '
        '<a href="../data/datapackage.json" download>datapackage.json</a>.</p>'
    )
    body = []
    for _, r in frame.iterrows():
        lang = r["language"] or "en"
        evidence = f'“{in_language(balanced(r["excerpt"], lang), lang)}”'
        english = r["excerpt_en"] if r["excerpt_en"] else ENGLISH_SOURCE
        evidence += (f'<br><em>{esc(english)}</em>' + (" (our translation)" if r["excerpt_en"] else ""))
        slugs = r["chapters"].split()
        used = "<br>".join(f'<a href="../chapters/{esc(s, quote=True)}.html">{esc(titles.get(s, s))}</a>'
                           for s in slugs) or "none (kept for the record)"
        where = esc(r["source"])
        if r["claim_date"]:
            where += f'<br>Dated: {esc(r["claim_date"])}'
        body.append(
            f'<tr data-status="{esc(r["status"], quote=True)}" '
            f'data-chapters="{esc(r["chapters"] or "none", quote=True)}" '
            f'data-source="{esc(r["source_short"], quote=True)}">'
            f'<td>{esc(r["claim_en"])}</td><td>{esc(r["claimant"])}</td><td>{where}</td>'
            f'<td>{evidence}</td><td>{used}</td>'
            f'<td><strong>{esc(r["status"])}</strong><br>{esc(r["status_reason"])}</td>'
            f'<td><a href="data.html#table-{esc(r["table"], quote=True)}">{esc(r["claim_id"])}</a></td>'
            '</tr>')
    head = "".join(f'<th scope="col">{h}</th>' for h in (
        "Claim", "Who makes it", "Where and when", "Evidence", "Chapters", "Status", "Row"))
    table = (
        '<div class="pst-scrollable-table-container claims-ledger" tabindex="0" role="region" '
        'aria-labelledby="claims-caption">'
        '<table class="table" id="claims-table">'
        f'<caption id="claims-caption">Claims ledger: {n} claims and how sure each is</caption>'
        f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
    )
    return form + table
