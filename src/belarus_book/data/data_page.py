"""The Data appendix's reference part: for each resource of the data package its title,
description, size, the sources it draws on, a download link and its columns.

One call from the page (``appendix/data.md``), as the claims ledger's page is one call of
:func:`belarus_book.claims.ledger_html`; the page itself keeps only the prose. Every value
from the data package is escaped (:func:`belarus_book.text.markup.esc`).

The data package describes itself in English; the German edition's Data page takes its
titles and descriptions from ``de/data-descriptions.yml`` beside the book's data, where a
missing one stops the page (no English slips into the German edition).
"""

from __future__ import annotations

from ..i18n import language, tr
from ..text.markup import esc
from . import find_data_dir, load, read_package

#: The German descriptions of the data package, relative to the book's folder.
GERMAN_DESCRIPTIONS = "de/data-descriptions.yml"


def described(pkg: dict, data_dir) -> dict:
    """The package with its titles and descriptions in the edition's language."""
    if language() == "en":
        return pkg
    import copy

    import yaml

    german = yaml.safe_load((data_dir.parent / GERMAN_DESCRIPTIONS).read_text(encoding="utf-8"))
    pkg = copy.deepcopy(pkg)
    for res in pkg["resources"]:
        words = german[res["name"]]
        res["title"], res["description"] = words["title"], words["description"]
        for source in res.get("sources", []):
            source["title"] = words["source"]
        for licence in res.get("licenses", []):
            licence["title"] = words["licence"]
        for field in res.get("schema", {}).get("fields", []):
            field["description"] = words["fields"][field["name"]]
    return pkg


def tables_html(data_dir=None) -> str:
    """The package's download line, then a section per resource (tables and files)."""
    d = find_data_dir() if data_dir is None else data_dir
    pkg = described(read_package(d), d)
    source_kinds = load("sources", d).set_index("source_id")["kind"]
    tables = sum("schema" in res for res in pkg["resources"])
    package_line = tr("{tables} tables and a base map, licence {licence}.").format(
        tables=tables, licence=esc(pkg["licenses"][0]["name"]))
    blocks = [f'<p><a href="../data/datapackage.json" download>datapackage.json</a>: {package_line}</p>']
    for res in pkg["resources"]:
        if "schema" not in res:  # a file that is not a table (the base map): source and licence
            licence = res["licenses"][0]
            blocks.append(_section(res, f'{tr("Source")}: {esc(res["sources"][0]["title"])}. '
                                        f'{tr("Licence")}: <a href="../data/{esc(licence["path"], quote=True)}">'
                                        f'{esc(licence["title"])}</a>. '))
            continue
        frame = load(res["name"], d)
        facts = f"{tr('{n} rows').format(n=len(frame))}; {esc(_drawn_on(res['name'], frame, source_kinds))}. "
        blocks.append(_section(res, facts, _columns_html(res["schema"]["fields"])))
    return "\n".join(blocks)


def _drawn_on(name: str, frame, source_kinds) -> str:
    """Which sources a table draws on; the sources table describes them instead."""
    if name == "sources":
        kinds = frame["kind"].value_counts()
        return tr("describes {articles} and {context}").format(
            articles=_counted(kinds.get("article", 0), "article"),
            context=_counted(kinds.get("context", 0), "outside fact"))
    used = frame["source_id"].dropna().unique()
    kinds = source_kinds.reindex(used).value_counts()
    return tr("draws on {n}: {articles}, {context}").format(
        n=_counted(len(used), "source"), articles=_counted(kinds.get("article", 0), "article"),
        context=_counted(kinds.get("context", 0), "outside fact"))


def _counted(n: int, noun: str) -> str:
    """"1 outside fact", "5 outside facts" ("1 externer Fakt", "5 externe Fakten")."""
    return tr(f"{{n}} {noun}" if n == 1 else f"{{n}} {noun}s").format(n=n)


def _section(res: dict, facts: str, body: str = "") -> str:
    name = res["name"]
    return (f'<section class="data-resource" id="table-{esc(name, quote=True)}">'
            f'<h2 style="font-size:1.25em;margin-bottom:0.2em">{esc(res["title"])} <code>{esc(name)}</code></h2>'
            f'<p>{esc(res["description"])}</p>'
            f'<p>{facts}{tr("Download")}: <a href="../data/{esc(res["path"], quote=True)}" download>'
            f'{esc(res["path"])}</a></p>{body}</section>')


def _columns_html(fields: list[dict]) -> str:
    rows = []
    for field in fields:
        constraints = field.get("constraints", {})
        description = field.get("description") or ""
        description = esc(description)
        if constraints.get("enum"):
            # Each value as code: a value may hold a comma ("announced, not verified").
            description += (f" {tr('Allowed')}: "
                            + ", ".join(f"<code>{esc(v)}</code>" for v in constraints["enum"]) + ".")
        rows.append(f'<tr><td><code>{esc(field["name"])}</code></td><td>{esc(field.get("type", "string"))}</td>'
                    f'<td>{tr("yes") if constraints.get("required") else ""}</td><td>{description}</td></tr>')
    head = "".join(f"<th>{tr(h)}</th>" for h in ("column", "type", "required", "description"))
    return f'<table class="table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'

