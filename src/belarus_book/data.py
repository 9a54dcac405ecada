"""Load and validate the book's data package (data/*.csv + data/datapackage.json).

The CSVs are the single source of the book's facts, so every chapter loads them
through this module: each load re-checks the table against its Table Schema
(types, required values, enums, primary key, foreign keys) and against the
editorial rule that every row cites verbatim evidence (``excerpt``).  A broken
row therefore fails the book build with a message that names the file, the CSV
line, the column and the rule, instead of silently producing a wrong chart.

Deliberately pure Python + pandas (no frictionless dependency): the subset of
the Frictionless spec used here is small, and readable error messages matter
more than full spec coverage.

Public API: ``DATA_DIR_ENV``, ``DataError``, ``find_data_dir``,
``read_package``, ``resource_names``, ``load``, ``validate_package``.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


__all__ = ["DATA_DIR_ENV", "DataError", "find_data_dir", "read_package",
           "resource_names", "load", "validate_package"]

#: Environment variable that overrides where the data package is looked for.
DATA_DIR_ENV = "BELARUS_BOOK_DATA"
PACKAGE_FILE = "datapackage.json"

_INT = re.compile(r"[+-]?\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BOOL = {"true": True, "false": False}
# (low, high) column pairs that must be ordered when both are filled.
_RANGES = [("value_low", "value_high"), ("share_low", "share_high"),
           ("date", "date_end"), ("fieldwork_start", "fieldwork_end")]
# Coarse dates are stored as the first day of their period, so sorting and
# plotting work; a "month" date on the 17th would hide a data-entry slip.
_PRECISION = [("date", "date_precision"), ("as_of", "as_of_precision")]
_PERIOD_START = {"month": ("-01", "the 1st of the month"), "year": ("-01-01", "1 January")}
# How a foreign-key target is named in messages ("unknown source 'x'").
_FK_NOUN = {"sources": "source", "people": "person"}


class DataError(ValueError):
    """A data file breaks its schema; ``problems`` lists every message."""

    def __init__(self, problems):
        self.problems = list(problems) if not isinstance(problems, str) else [problems]
        head = (f"{len(self.problems)} data problems:\n" if len(self.problems) > 1 else "")
        super().__init__(head + "\n".join(self.problems))


# --------------------------------------------------------------------------- locating
def find_data_dir(start=None) -> Path:
    """Return the folder holding datapackage.json.

    Order: $BELARUS_BOOK_DATA; the first ``data/datapackage.json`` walking up
    from ``start`` (default: the current directory, so a notebook executed in
    chapters/ finds ../data); the repo's data/ next to this package's source (an
    editable install); last, the copy inside the installed wheel.
    """
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        p = Path(env).expanduser().resolve()
        if (p / PACKAGE_FILE).is_file():
            return p
        raise FileNotFoundError(
            f"{DATA_DIR_ENV}={env!r}, but {p / PACKAGE_FILE} does not exist. "
            f"Point {DATA_DIR_ENV} at the folder containing {PACKAGE_FILE}, or unset it.")
    here = Path(start if start is not None else Path.cwd()).resolve()
    tried = []
    for d in (here, *here.parents):
        cand = d / "data" / PACKAGE_FILE
        tried.append(str(cand))
        if cand.is_file():
            return cand.parent
    checkout = Path(__file__).resolve().parents[2] / "data"
    bundled = Path(__file__).resolve().parent / "data_package"
    for fallback in (checkout, bundled):
        if (fallback / PACKAGE_FILE).is_file():
            return fallback
    raise FileNotFoundError(
        f"No {PACKAGE_FILE} found. Looked in ${DATA_DIR_ENV} (unset), in data/ of "
        f"{here} and each parent ({len(tried)} places, up to {tried[-1]}), in {checkout} "
        f"and in {bundled}. Reinstall the package (its wheel carries the data) or set "
        f"{DATA_DIR_ENV}=/path/to/data.")


def _dir(data_dir) -> Path:
    return Path(data_dir).resolve() if data_dir is not None else find_data_dir()


def read_package(data_dir=None) -> dict:
    """The parsed datapackage.json; a file that is not valid JSON (or not UTF-8) raises
    :class:`DataError` naming the file, line and column."""
    d = _dir(data_dir)
    label = f"{d.name}/{PACKAGE_FILE}"
    try:
        package = json.loads(_read_text(d / PACKAGE_FILE, label))
    except json.JSONDecodeError as error:
        raise DataError(f"{label}, line {error.lineno}, column {error.colno}: not valid JSON "
                        f"({error.msg})") from None
    _refuse_unknown_rules(package, label)
    return package


# Schema rules this module checks; any other rule is refused rather than silently ignored.
_KNOWN_CONSTRAINTS = {"required", "enum"}
_KNOWN_FIELD_KEYS = {"name", "type", "description", "constraints", "title", "format", "example"}


def _refuse_unknown_rules(package: dict, label: str) -> None:
    problems = []
    for res in package.get("resources", []):
        schema = res.get("schema")
        if not schema:
            continue
        where = f"{label}, resource {res.get('name')!r}"
        for field in schema.get("fields", []):
            unknown = (set(field.get("constraints", {})) - _KNOWN_CONSTRAINTS) | (set(field) - _KNOWN_FIELD_KEYS)
            problems += [f"{where}, field {field.get('name')!r}: schema rule {rule!r} is not "
                         f"checked by belarus_book.data (checked: {', '.join(sorted(_KNOWN_CONSTRAINTS))})"
                         for rule in sorted(unknown)]
        keys = [("primaryKey", schema.get("primaryKey"))]
        keys += [("foreignKeys", fk.get("fields")) for fk in schema.get("foreignKeys", [])]
        problems += [f"{where}: a {kind} of several fields ({value}) is not checked by "
                     f"belarus_book.data (one field only)" for kind, value in keys
                     if isinstance(value, list)]
    if problems:
        raise DataError(problems)


def _read_text(path: Path, label: str) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        bad = path.read_bytes()[error.start:error.start + 1]
        raise DataError(f"{label}: not UTF-8 text (byte {error.start}, {bad!r}); save the file "
                        f"as UTF-8") from None


def resource_names(data_dir=None) -> list[str]:
    """Names of the tables (resources with a Table Schema), in package order."""
    return [r["name"] for r in read_package(data_dir)["resources"] if "schema" in r]


def _resource(pkg: dict, name: str) -> dict:
    for r in pkg["resources"]:
        if r["name"] == name:
            return r
    raise KeyError(f"no resource {name!r} in {PACKAGE_FILE}; "
                   f"known: {', '.join(r['name'] for r in pkg['resources'])}")


def _label(data_dir: Path, res: dict) -> str:
    # "data/figures.csv": relative to the data dir's parent, as users see it in the repo.
    return f"{data_dir.name}/{res['path']}"


# --------------------------------------------------------------------------- reading
def _read_rows(path: Path):
    """Header and rows as strings, each row with its CSV line number (header = 1).

    The csv module (not pandas) is used so that line numbers stay exact even
    when a quoted cell spans several lines.
    """
    text = _read_text(path, f"{path.parent.name}/{path.name}")
    with io.StringIO(text, newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        rows, prev = [], reader.line_num
        for rec in reader:
            rows.append((prev + 1, rec))
            prev = reader.line_num
    return header, rows


def _check_value(ftype: str, v: str):
    """Return an error text if v (non-empty) is not of ftype, else None."""
    if ftype == "integer" and not _INT.fullmatch(v):
        return f"{v!r} is not an integer"
    if ftype == "number":
        try:
            x = float(v)
        except ValueError:
            return f"{v!r} is not a number"
        if x != x:  # NaN is never a fact
            return f"{v!r} is not a number"
    if ftype == "date":
        try:
            if not _DATE.fullmatch(v):
                raise ValueError
            _dt.date.fromisoformat(v)
        except ValueError:
            return f"{v!r} is not a valid date (YYYY-MM-DD)"
    if ftype == "boolean" and v not in _BOOL:
        return f"{v!r} is not a boolean (true/false)"
    return None


def _num(v: str):
    return _dt.date.fromisoformat(v) if _DATE.fullmatch(v) else float(v)


def _validate(data_dir: Path, pkg: dict, name: str):
    """Check one resource; return (records as dicts, list of problems)."""
    res = _resource(pkg, name)
    label = _label(data_dir, res)
    path = data_dir / res["path"]
    if not path.is_file():
        return [], [f"{label}: file not found (listed in {PACKAGE_FILE})"]
    schema = res["schema"]
    fields = schema["fields"]
    header, rows = _read_rows(path)
    problems = []
    names = [f["name"] for f in fields]
    for f in fields:
        if f["name"] not in header:
            kind = "required column" if f.get("constraints", {}).get("required") else "column"
            problems.append(f'{label}: missing {kind} "{f["name"]}"')
    for h in header:
        if h not in names:
            problems.append(f'{label}: unexpected column "{h}" (not in the schema)')
    if problems:  # rows cannot be checked reliably against a wrong header
        return [], problems

    records = []
    for line, rec in rows:
        if len(rec) != len(header):
            problems.append(f"{label}, row {line}: {len(rec)} cells, expected {len(header)}")
            continue
        records.append((line, dict(zip(header, rec, strict=True))))

    excerpt_rule = res.get("x-excerpt-required", False)
    for line, r in records:
        where = f"{label}, row {line}, column"
        for f in fields:
            col, v = f["name"], r[f["name"]]
            cons = f.get("constraints", {})
            if v.strip() == "":
                if col == "excerpt" and excerpt_rule:
                    problems.append(f'{where} "excerpt": empty excerpt (every row must cite its evidence)')
                elif cons.get("required"):
                    problems.append(f'{where} "{col}": empty value in required column')
                continue
            err = _check_value(f.get("type", "string"), v)
            if err:
                problems.append(f'{where} "{col}": {err}')
            elif "enum" in cons and v not in cons["enum"]:
                problems.append(f'{where} "{col}": {v!r} is not one of: {", ".join(cons["enum"])}')
        for lo, hi in _RANGES:
            a, b = r.get(lo, ""), r.get(hi, "")
            if a and b:
                try:
                    if _num(a) > _num(b):
                        problems.append(f'{where} "{lo}": {lo} {a} > {hi} {b}')
                except ValueError:
                    pass  # already reported as a type error
        for dcol, pcol in _PRECISION:
            d, p = r.get(dcol, ""), r.get(pcol, "")
            if d and p in _PERIOD_START and _DATE.fullmatch(d) and not d.endswith(_PERIOD_START[p][0]):
                problems.append(f'{where} "{dcol}": {d} has {pcol} {p!r} but is not {_PERIOD_START[p][1]}')

    # primary key: unique and present
    pk = schema.get("primaryKey")
    if pk:
        seen = {}
        for line, r in records:
            k = r[pk]
            if k in seen:
                problems.append(f'{label}, row {line}, column "{pk}": duplicate primary key {k!r} '
                                f'(first at row {seen[k]})')
            else:
                seen[k] = line

    # foreign keys: read only the key column of the target (no recursion needed)
    for fk in schema.get("foreignKeys", []):
        col, ref = fk["fields"], fk["reference"]
        target = _resource(pkg, ref["resource"])
        tlabel = _label(data_dir, target)
        theader, trows = _read_rows(data_dir / target["path"])
        if ref["fields"] not in theader:
            problems.append(f'{tlabel}: missing required column "{ref["fields"]}" (needed by {label})')
            continue
        i = theader.index(ref["fields"])
        keys = {rec[i] for _, rec in trows if len(rec) > i}
        noun = _FK_NOUN.get(ref["resource"], ref["resource"])
        for line, r in records:
            v = r[col]
            if v and v not in keys:
                problems.append(f'{label}, row {line}, column "{col}": unknown {noun} {v!r} (not in {tlabel})')
    return [r for _, r in records], problems


def _typed(records, fields) -> pd.DataFrame:
    """Build a DataFrame with schema dtypes; empty cells become missing values."""
    # Imported here: validation is pure Python, and the build's data check (build.py, the
    # Sphinx extension) should not pay for importing pandas on every rebuild.
    import pandas as pd

    cols = {}
    for f in fields:
        vals = [r[f["name"]] for r in records]
        t = f.get("type", "string")
        if t == "date":
            s = pd.to_datetime(pd.Series([v or None for v in vals], dtype=object), format="%Y-%m-%d")
        elif t == "integer":
            s = pd.array([int(v) if v else None for v in vals], dtype="Int64")
        elif t == "number":
            s = pd.Series([float(v) if v else float("nan") for v in vals], dtype="float64")
        elif t == "boolean":
            s = pd.array([_BOOL[v] if v else None for v in vals], dtype="boolean")
        else:
            s = pd.Series([v if v else None for v in vals], dtype=object)
        cols[f["name"]] = s
    return pd.DataFrame(cols)


# --------------------------------------------------------------------------- public
def load(name: str, data_dir=None) -> pd.DataFrame:
    """Read data/<name>.csv, validate it (schema + foreign keys) and return it typed.

    dates -> datetime64, integer -> Int64, number -> float64, boolean -> boolean,
    string -> object (str); empty cells -> missing (NaT/<NA>/NaN/None).
    Raises DataError listing every problem found in the table.
    """
    d = _dir(data_dir)
    pkg = read_package(d)
    if "schema" not in _resource(pkg, name):
        raise ValueError(f"{name!r} is not a table but a file: read {d / _resource(pkg, name)['path']}")
    records, problems = _validate(d, pkg, name)
    if problems:
        raise DataError(problems)
    return _typed(records, _resource(pkg, name)["schema"]["fields"])


def validate_package(data_dir=None) -> None:
    """Validate every resource; raise one DataError with all problems joined."""
    d = _dir(data_dir)
    pkg = read_package(d)
    problems = []
    for res in pkg["resources"]:
        if "schema" not in res:  # a non-tabular file (the base map): nothing to type-check
            if not (d / res["path"]).is_file():
                problems.append(f"{d.name}/{res['path']}: file not found (listed in {PACKAGE_FILE})")
            continue
        problems += _validate(d, pkg, res["name"])[1]
    listed = {res["path"] for res in pkg["resources"]}
    for p in sorted(d.glob("*.csv")):
        if p.name not in listed:
            problems.append(f"{d.name}/{p.name}: CSV not listed in {PACKAGE_FILE}")
    if problems:
        raise DataError(problems)
