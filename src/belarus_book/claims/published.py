"""The ledger published with the site's data: ``claims.csv``, described in its datapackage.json."""

from __future__ import annotations

import json
from pathlib import Path

from .status_rules import STATUS_RULES, STATUSES
from .table import ledger

RESOURCE_NAME = "claims"

#: Columns of the published claims.csv and what each means.
CSV_FIELDS = [
    ("claim_id", "string", "The row's id in its table (primary key)."),
    ("table", "string", "The table the claim comes from."),
    ("claim_en", "string", "The claim in English."),
    ("claimant", "string", "Who makes the claim."),
    ("source_id", "string", "The source that publishes it (see sources.csv)."),
    ("source", "string", "The source as the book cites it."),
    ("published", "date", "Publication date of an article as sources.csv records it (empty for outside "
                          "sources); its date_basis and date_from there say whether the article gives it "
                          "or it is inferred, and from what."),
    ("claim_date", "string", "When the claim is dated, as precisely as the source says, and how the date is "
                             "known: inferred from a named outside source, or undated (where only the "
                             "report is dated, that date)."),
    ("excerpt", "string", "Verbatim evidence from the source."),
    ("excerpt_en", "string", "Our English translation (empty where the source is in English)."),
    ("chapters", "string", "Chapters that show the claim, as each recorded it when it ran "
                              "(space-separated page names)."),
    ("group", "string", "Comparison group: rows on the same point (conflict_group, or "
                        "support of the same kind and status)."),
    ("status", "string", "Derived status; rules in order of precedence: "
                         + "; ".join(f"{s}: {STATUS_RULES[s]}" for s in STATUSES) + "."),
    ("status_reason", "string", "Why the rule applies to this row; for an official claim or an announced "
                                "figure, the vetted outside source's caution."),
]


def write_published(site_data: Path, data_dir=None, chapters: dict[str, list[str]] | None = None) -> None:
    """Write ``claims.csv`` into the site's published data folder and describe it in that
    folder's ``datapackage.json`` (the source package in ``data/`` stays as it is: the
    ledger is derived from it, not a source)."""
    site_data = Path(site_data)
    frame = ledger(data_dir, chapters)
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


