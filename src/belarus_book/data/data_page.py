"""The Data appendix's reference part: for each resource of the data package its title,
description, size, the sources it draws on, a download link and its columns.

One call from the page (``appendix/data.md``), as the claims ledger's page is one call of
:func:`belarus_book.claims.ledger_html`; the page itself keeps only the prose. Every value
from the data package is escaped (:func:`belarus_book.text.markup.esc`).
"""

from __future__ import annotations

from ..text.markup import esc
from . import find_data_dir, load, read_package


def tables_html(data_dir=None) -> str:
    """The package's download line, then a section per resource (tables and files)."""
    d = find_data_dir() if data_dir is None else data_dir
    pkg = read_package(d)
    source_kinds = load("sources", d).set_index("source_id")["kind"]
    tables = sum("schema" in res for res in pkg["resources"])
    blocks = [f'<p><a href="../data/datapackage.json" download>datapackage.json</a>: {tables} tables and '
              f'a base map, licence {esc(pkg["licenses"][0]["name"])}.</p>']
    for res in pkg["resources"]:
        if "schema" not in res:  # a file that is not a table (the base map): source and licence
            licence = res["licenses"][0]
            blocks.append(_section(res, f'Source: {esc(res["sources"][0]["title"])}. Licence: '
                                        f'<a href="../data/{esc(licence["path"], quote=True)}">'
                                        f'{esc(licence["title"])}</a>. '))
            continue
        frame = load(res["name"], d)
        facts = f"{len(frame)} rows; {esc(_drawn_on(res['name'], frame, source_kinds))}. "
        blocks.append(_section(res, facts, _columns_html(res["schema"]["fields"])))
    return "\n".join(blocks)


def _drawn_on(name: str, frame, source_kinds) -> str:
    """Which sources a table draws on; the sources table describes them instead."""
    if name == "sources":
        kinds = frame["kind"].value_counts()
        return f'describes {kinds.get("article", 0)} articles and {kinds.get("context", 0)} outside facts'
    used = frame["source_id"].dropna().unique()
    kinds = source_kinds.reindex(used).value_counts()
    return (f'draws on {len(used)} sources: {kinds.get("article", 0)} articles, '
            f'{kinds.get("context", 0)} outside facts')


def _section(res: dict, facts: str, body: str = "") -> str:
    name = res["name"]
    return (f'<section class="data-resource" id="table-{esc(name, quote=True)}">'
            f'<h2 style="font-size:1.25em;margin-bottom:0.2em">{esc(res["title"])} <code>{esc(name)}</code></h2>'
            f'<p>{esc(res["description"])}</p>'
            f'<p>{facts}Download: <a href="../data/{esc(res["path"], quote=True)}" download>'
            f'{esc(res["path"])}</a></p>{body}</section>')


def _columns_html(fields: list[dict]) -> str:
    rows = []
    for field in fields:
        constraints = field.get("constraints", {})
        description = field.get("description") or ""
        if constraints.get("enum"):
            description += " Allowed: " + ", ".join(constraints["enum"]) + "."
        rows.append(f'<tr><td><code>{esc(field["name"])}</code></td><td>{esc(field.get("type", "string"))}</td>'
                    f'<td>{"yes" if constraints.get("required") else ""}</td><td>{esc(description)}</td></tr>')
    return ('<table class="table"><thead><tr><th>column</th><th>type</th><th>required</th>'
            f'<th>description</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
