"""Finding the data package and reading its files: datapackage.json and the CSV rows.

Bad input outside the rows gets the same kind of message as a bad row: a file that is not
UTF-8 names the byte, a datapackage.json that is not JSON names the line and column.
"""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

#: Environment variable that overrides where the data package is looked for.
DATA_DIR_ENV = "BELARUS_BOOK_DATA"
PACKAGE_FILE = "datapackage.json"


class DataError(ValueError):
    """A data file breaks its schema; ``problems`` lists every message."""

    def __init__(self, problems):
        self.problems = list(problems) if not isinstance(problems, str) else [problems]
        head = (f"{len(self.problems)} data problems:\n" if len(self.problems) > 1 else "")
        super().__init__(head + "\n".join(self.problems))


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
    package = Path(__file__).resolve().parents[1]  # src/belarus_book (or site-packages/…)
    checkout = package.parents[1] / "data"
    bundled = package / "data_package"
    for fallback in (checkout, bundled):
        if (fallback / PACKAGE_FILE).is_file():
            return fallback
    raise FileNotFoundError(
        f"No {PACKAGE_FILE} found. Looked in ${DATA_DIR_ENV} (unset), in data/ of "
        f"{here} and each parent ({len(tried)} places, up to {tried[-1]}), in {checkout} "
        f"and in {bundled}. Reinstall the package (its wheel carries the data) or set "
        f"{DATA_DIR_ENV}=/path/to/data.")


def data_dir(given=None) -> Path:
    """``given`` as an absolute folder, or :func:`find_data_dir` when it is None."""
    return Path(given).resolve() if given is not None else find_data_dir()


def read_text(path: Path, label: str) -> str:
    """The file's text. A UTF-8 byte-order mark (which Excel and Notepad write) is dropped,
    as frictionless does: it would otherwise become part of the first column's name."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = path.read_bytes()[error.start:error.start + 1]
        raise DataError(f"{label}: not UTF-8 text (byte {error.start}, {bad!r}); save the file "
                        f"as UTF-8") from None


def parse_package(folder: Path) -> dict:
    """datapackage.json as parsed JSON; not valid JSON raises :class:`DataError` naming the
    file, line and column."""
    label = package_label(folder)
    try:
        return json.loads(read_text(folder / PACKAGE_FILE, label))
    except json.JSONDecodeError as error:
        raise DataError(f"{label}, line {error.lineno}, column {error.colno}: not valid JSON "
                        f"({error.msg})") from None


def package_label(folder: Path) -> str:
    return f"{folder.name}/{PACKAGE_FILE}"


def resource(pkg: dict, name: str) -> dict:
    for r in pkg["resources"]:
        if r["name"] == name:
            return r
    raise KeyError(f"no resource {name!r} in {PACKAGE_FILE}; "
                   f"known: {', '.join(r['name'] for r in pkg['resources'])}")


def label(folder: Path, res: dict) -> str:
    # "data/figures.csv": relative to the data dir's parent, as users see it in the repo.
    return f"{folder.name}/{res['path']}"


def read_rows(path: Path):
    """Header and rows as strings, each row with its CSV line number (header = 1); an empty
    file raises :class:`DataError` saying so.

    The csv module (not pandas) is used so that line numbers stay exact even
    when a quoted cell spans several lines.
    """
    where = f"{path.parent.name}/{path.name}"
    text = read_text(path, where)
    with io.StringIO(text, newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        if not header:
            raise DataError(f"{where}: the file is empty; a table needs at least its header row")
        rows, prev = [], reader.line_num
        for rec in reader:
            rows.append((prev + 1, rec))
            prev = reader.line_num
    return header, rows
