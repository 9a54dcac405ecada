"""The rules a table must keep, each a small check that returns its problems as messages.

A schema may only use the rules checked here: :func:`unchecked_rules` names any other rule
of the Table Schema spec (``minimum``, ``unique``, ``pattern``, a ``datetime`` type, a CSV
dialect, several-field keys ...), so a rule written into datapackage.json is never
silently ignored. Every message names the file, the CSV line and the column.
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from .date_rules import check_date_basis, context_sources
from .files import PACKAGE_FILE, label, read_rows, resource

# The spec's lexical forms, in ASCII digits: Python's int() and float() would also take
# "1_000", " 5", Arabic-Indic digits and "inf", which the reference validator lets through.
INT = re.compile(r"[+-]?[0-9]+")
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
BOOL = {"true": True, "false": False}
# (low, high) column pairs that must be ordered when both are filled.
RANGES = [("value_low", "value_high"), ("share_low", "share_high"),
          ("date", "date_end"), ("fieldwork_start", "fieldwork_end")]
# Coarse dates are stored as the first day of their period, so sorting and
# plotting work; a "month" date on the 17th would hide a data-entry slip.
PRECISION = [("date", "date_precision"), ("as_of", "as_of_precision")]
PERIOD_START = {"month": ("-01", "the 1st of the month"), "year": ("-01-01", "1 January")}
# How a foreign-key target is named in messages ("unknown source 'x'").
FK_NOUN = {"sources": "source", "people": "person"}

# What this module checks. Anything else the spec allows is refused (unchecked_rules).
CHECKED_TYPES = {"string", "number", "integer", "date", "boolean"}
CHECKED_CONSTRAINTS = {"required", "enum"}
# Descriptive keys change nothing about which values are valid; "format" only as "default".
CHECKED_FIELD_KEYS = {"name", "type", "description", "constraints", "title", "format", "example"}
CHECKED_SCHEMA_KEYS = {"fields", "primaryKey", "foreignKeys", "missingValues"}
# An empty cell is the only missing value; the CSV is UTF-8 with the default dialect.
MISSING_VALUES = [""]
ENCODINGS = {"utf-8", "utf8"}


# --------------------------------------------------------------------------- the schema
def key_field(value) -> str | None:
    """The one column of a primary or foreign key (a name, or a list of one name), or None
    for a key of several fields, which this module does not check."""
    if isinstance(value, str):
        return value
    return value[0] if isinstance(value, list) and len(value) == 1 else None


def _field_rules(field: dict) -> list[str]:
    rules = sorted((set(field.get("constraints", {})) - CHECKED_CONSTRAINTS)
                   | (set(field) - CHECKED_FIELD_KEYS))
    if field.get("type", "string") not in CHECKED_TYPES:
        rules.append(f"type {field['type']}")
    if field.get("format", "default") != "default":
        rules.append(f"format {field['format']}")
    return rules


def unchecked_rules(package: dict, where: str) -> list[str]:
    """A message for every rule in ``package``'s table schemas that this module does not check."""
    problems = []
    checked = f"checked: types {', '.join(sorted(CHECKED_TYPES))}; {', '.join(sorted(CHECKED_CONSTRAINTS))}"
    for res in package.get("resources", []):
        schema = res.get("schema")
        if not schema:
            continue
        at = f"{where}, resource {res.get('name')!r}"
        for field in schema.get("fields", []):
            problems += [f"{at}, field {field.get('name')!r}: schema rule {rule!r} is not checked by "
                         f"belarus_book.data ({checked})" for rule in _field_rules(field)]
        problems += [f"{at}: schema rule {rule!r} is not checked by belarus_book.data"
                     for rule in sorted(set(schema) - CHECKED_SCHEMA_KEYS)]
        if schema.get("missingValues", MISSING_VALUES) != MISSING_VALUES:
            problems.append(f"{at}: missingValues {schema['missingValues']!r} is not checked by "
                            f"belarus_book.data (only an empty cell is a missing value)")
        if "dialect" in res or str(res.get("encoding", "utf-8")).lower() not in ENCODINGS:
            problems.append(f"{at}: a CSV dialect or an encoding other than UTF-8 is not read by "
                            f"belarus_book.data")
        keys = [("primaryKey", schema["primaryKey"])] if "primaryKey" in schema else []
        keys += [("foreignKeys", fk.get("fields")) for fk in schema.get("foreignKeys", [])]
        keys += [("foreignKeys reference", fk.get("reference", {}).get("fields"))
                 for fk in schema.get("foreignKeys", [])]
        problems += [f"{at}: a {kind} of several fields ({value}) is not checked by "
                     f"belarus_book.data (one field only)" for kind, value in keys if key_field(value) is None]
        problems += [f"{at}: a foreign key into its own table is not checked by belarus_book.data"
                     for fk in schema.get("foreignKeys", []) if not fk.get("reference", {}).get("resource")]
    return problems


# --------------------------------------------------------------------------- the checks
def check_header(where: str, fields: list[dict], header: list[str]) -> list[str]:
    problems = []
    names = [f["name"] for f in fields]
    for f in fields:
        if f["name"] not in header:
            kind = "required column" if f.get("constraints", {}).get("required") else "column"
            problems.append(f'{where}: missing {kind} "{f["name"]}"')
    problems += [f'{where}: unexpected column "{h}" (not in the schema)' for h in header if h not in names]
    return problems


def value_error(ftype: str, v: str) -> str | None:
    """Return an error text if v (non-empty) is not of ftype, else None."""
    if ftype == "integer" and not INT.fullmatch(v):
        return f"{v!r} is not an integer"
    # NaN and infinity, which the spec allows, are never a fact.
    if ftype == "number" and not NUMBER.fullmatch(v):
        return f"{v!r} is not a number"
    if ftype == "date":
        try:
            if not DATE.fullmatch(v):
                raise ValueError
            _dt.date.fromisoformat(v)
        except ValueError:
            return f"{v!r} is not a valid date (YYYY-MM-DD)"
    if ftype == "boolean" and v not in BOOL:
        return f"{v!r} is not a boolean (true/false)"
    return None


def check_cells(where: str, fields: list[dict], row: dict, excerpt_rule: bool) -> list[str]:
    """Required values, the evidence rule, types and allowed values of one row."""
    problems = []
    for f in fields:
        col, v = f["name"], row[f["name"]]
        cons = f.get("constraints", {})
        if v.strip() == "":
            if col == "excerpt" and excerpt_rule:
                problems.append(f'{where} "excerpt": empty excerpt (every row must cite its evidence)')
            elif cons.get("required"):
                problems.append(f'{where} "{col}": empty value in required column')
            continue
        err = value_error(f.get("type", "string"), v)
        if err:
            problems.append(f'{where} "{col}": {err}')
        elif "enum" in cons and v not in cons["enum"]:
            problems.append(f'{where} "{col}": {v!r} is not one of: {", ".join(cons["enum"])}')
    return problems


def _ordered(v: str):
    return _dt.date.fromisoformat(v) if DATE.fullmatch(v) else float(v)


def check_ranges(where: str, row: dict) -> list[str]:
    problems = []
    for lo, hi in RANGES:
        a, b = row.get(lo, ""), row.get(hi, "")
        if a and b:
            try:
                if _ordered(a) > _ordered(b):
                    problems.append(f'{where} "{lo}": {lo} {a} > {hi} {b}')
            except ValueError:
                pass  # already reported as a type error
    return problems


def check_precision(where: str, row: dict) -> list[str]:
    problems = []
    for dcol, pcol in PRECISION:
        d, p = row.get(dcol, ""), row.get(pcol, "")
        if d and p in PERIOD_START and DATE.fullmatch(d) and not d.endswith(PERIOD_START[p][0]):
            problems.append(f'{where} "{dcol}": {d} has {pcol} {p!r} but is not {PERIOD_START[p][1]}')
    return problems


def check_primary_key(where: str, column: str, records) -> list[str]:
    problems, seen = [], {}
    for line, r in records:
        k = r[column]
        if k in seen:
            problems.append(f'{where}, row {line}, column "{column}": duplicate primary key {k!r} '
                            f'(first at row {seen[k]})')
        else:
            seen[k] = line
    return problems


def check_foreign_key(data_dir: Path, pkg: dict, where: str, fk: dict, records) -> list[str]:
    """Every filled key cell names a row of the target table (only its key column is read)."""
    col, ref = key_field(fk["fields"]), fk["reference"]
    ref_col = key_field(ref["fields"])
    target = resource(pkg, ref["resource"])
    tlabel = label(data_dir, target)
    theader, trows = read_rows(data_dir / target["path"])
    if ref_col not in theader:
        return [f'{tlabel}: missing required column "{ref_col}" (needed by {where})']
    i = theader.index(ref_col)
    keys = {rec[i] for _, rec in trows if len(rec) > i}
    noun = FK_NOUN.get(ref["resource"], ref["resource"])
    return [f'{where}, row {line}, column "{col}": unknown {noun} {r[col]!r} (not in {tlabel})'
            for line, r in records if r[col] and r[col] not in keys]


# --------------------------------------------------------------------------- one table
def validate_table(data_dir: Path, pkg: dict, name: str):
    """Check one resource; return (records as dicts, list of problems)."""
    res = resource(pkg, name)
    where = label(data_dir, res)
    path = data_dir / res["path"]
    if not path.is_file():
        return [], [f"{where}: file not found (listed in {PACKAGE_FILE})"]
    schema = res["schema"]
    fields = schema["fields"]
    header, rows = read_rows(path)
    problems = check_header(where, fields, header)
    if problems:  # rows cannot be checked reliably against a wrong header
        return [], problems

    records = []
    for line, rec in rows:
        if len(rec) != len(header):
            problems.append(f"{where}, row {line}: {len(rec)} cells, expected {len(header)}")
            continue
        records.append((line, dict(zip(header, rec, strict=True))))
    excerpt_rule = res.get("x-excerpt-required", False)
    dated_by = context_sources(data_dir, pkg) if "date_basis" in header else None
    for line, r in records:
        at = f"{where}, row {line}, column"
        problems += check_cells(at, fields, r, excerpt_rule) + check_ranges(at, r) + check_precision(at, r)
        if dated_by:
            problems += check_date_basis(at, r, *dated_by)
    if "primaryKey" in schema:
        problems += check_primary_key(where, key_field(schema["primaryKey"]), records)
    for fk in schema.get("foreignKeys", []):
        problems += check_foreign_key(data_dir, pkg, where, fk, records)
    return [r for _, r in records], problems
