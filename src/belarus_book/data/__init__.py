"""Load and validate the book's data package (data/*.csv + data/datapackage.json).

The CSVs are the single source of the book's facts, so every chapter loads them
through this module: each load re-checks the table against its Table Schema
(types, required values, enums, primary key, foreign keys) and against the
editorial rule that every row cites verbatim evidence (``excerpt``).  A broken
row therefore fails the book build with a message that names the file, the CSV
line, the column and the rule, instead of silently producing a wrong chart.

Deliberately pure Python + pandas: the subset of the Frictionless spec used here is
small, and readable error messages matter more than full spec coverage. Any other
rule in the schema is refused, not ignored; the test suite runs the reference
validator (``frictionless validate``) over the same package, so the two agree.

Where things are: finding and reading the files in :mod:`belarus_book.data.files`, the
rules in :mod:`belarus_book.data.schema_rules`; this module is the public face of both.

Public API: ``DATA_DIR_ENV``, ``DataError``, ``find_data_dir``,
``read_package``, ``resource_names``, ``load``, ``validate_package``.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from .files import (
    DATA_DIR_ENV,
    PACKAGE_FILE,
    DataError,
    find_data_dir,
    package_label,
    parse_package,
    resource,
)
from .files import data_dir as _dir  # the public functions' argument is named data_dir
from .schema_rules import BOOL, unchecked_rules, validate_table
from .shown import SHOWN, cite

if TYPE_CHECKING:
    import pandas as pd


__all__ = ["DATA_DIR_ENV", "DataError", "cite", "find_data_dir", "read_package",
           "resource_names", "load", "validate_package"]


def read_package(data_dir=None) -> dict:
    """The parsed datapackage.json; a file that is not valid JSON (or not UTF-8) raises
    :class:`DataError` naming the file, line and column, and so does a schema rule that
    :mod:`belarus_book.data.schema_rules` does not check."""
    d = _dir(data_dir)
    package = parse_package(d)
    problems = unchecked_rules(package, package_label(d))
    if problems:
        raise DataError(problems)
    return package


def resource_names(data_dir=None) -> list[str]:
    """Names of the tables (resources with a Table Schema), in package order."""
    return [r["name"] for r in read_package(data_dir)["resources"] if "schema" in r]


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
            s = pd.array([BOOL[v] if v else None for v in vals], dtype="boolean")
        else:
            s = pd.Series([v if v else None for v in vals], dtype=object)
        cols[f["name"]] = s
    return pd.DataFrame(cols)


# A chapter loads the same tables many times (and the Data page every one): each table is
# validated once per state of the files its checks read. {(folder, table): (those files,
# a digest of their bytes, the validated frame)}; load() hands out copies, which a chapter
# may change at will.
_validated: dict[tuple[Path, str], tuple[list[str], bytes, pd.DataFrame]] = {}


def _files_checked(pkg: dict, name: str) -> list[str]:
    """The files a table's checks read: datapackage.json, its CSV and its foreign keys' targets."""
    res = resource(pkg, name)
    targets = [resource(pkg, fk["reference"]["resource"])["path"]
               for fk in res.get("schema", {}).get("foreignKeys", [])]
    return [PACKAGE_FILE, res["path"], *targets]


def _digest(folder: Path, files: list[str]) -> bytes:
    digest = hashlib.sha1(usedforsecurity=False)
    for name in files:
        path = folder / name
        content = path.read_bytes() if path.is_file() else b""
        digest.update(f"{name}\0{len(content)}\0".encode() + content)
    return digest.digest()


def load(name: str, data_dir=None, record: bool = True) -> pd.DataFrame:
    """Read data/<name>.csv, validate it (schema + foreign keys) and return it typed.

    dates -> datetime64, integer -> Int64, number -> float64, boolean -> boolean,
    string -> object (str); empty cells -> missing (NaT/<NA>/NaN/None).
    Raises DataError listing every problem found in the table. A table none of whose files
    changed since it was last loaded is not validated again; the caller gets a copy.

    The table is noted in the chapter's record (:mod:`.shown`), unless ``record`` is
    false (the book's own bookkeeping reads tables a chapter did not ask for).
    """
    if record:
        SHOWN.table(name)
    d = _dir(data_dir)
    kept = _validated.get((d, name))
    # datapackage.json is among the files: if it changed, so may have the list of files.
    if kept is None or _digest(d, kept[0]) != kept[1]:
        pkg = read_package(d)
        files = _files_checked(pkg, name)
        digest = _digest(d, files)
        kept = _validated[(d, name)] = (files, digest, _validated_frame(d, pkg, name))
    return kept[2].copy()


def _validated_frame(d: Path, pkg: dict, name: str) -> pd.DataFrame:
    res = resource(pkg, name)
    if "schema" not in res:
        raise ValueError(f"{name!r} is not a table but a file: read {d / res['path']}")
    records, problems = validate_table(d, pkg, name)
    if problems:
        raise DataError(problems)
    return _typed(records, res["schema"]["fields"])


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
        problems += validate_table(d, pkg, res["name"])[1]
    listed = {res["path"] for res in pkg["resources"]}
    for p in sorted(d.glob("*.csv")):
        if p.name not in listed:
            problems.append(f"{d.name}/{p.name}: CSV not listed in {PACKAGE_FILE}")
    if problems:
        raise DataError(problems)
