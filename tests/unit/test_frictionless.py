"""The reference validator agrees with ours: `frictionless validate` (pinned in the test
extra) passes data/datapackage.json, and each kind of bad cell that our loader refuses is
refused by frictionless too.

Ours is stricter in places, on purpose: a number or integer must be written in ASCII digits
without "_" or spaces, NaN and infinity are never a fact, a date is YYYY-MM-DD exactly, and a
required cell of blanks counts as empty. Frictionless lets those through (Python's int() and
float() do), so they are checked only in tests/unit/test_loader_errors.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from belarus_book.data import DataError, validate_package

from ..helpers import DATA, read_csv, write_csv


def frictionless(package: Path) -> dict:
    """`frictionless validate --json` on ``package``: its report."""
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", str(package)],
                            capture_output=True, text=True, timeout=300)
    assert result.stdout.strip(), f"frictionless printed no report:\n{result.stderr[-3000:]}"
    return json.loads(result.stdout)


def test_frictionless_passes_the_data_package():
    validate_package(DATA)
    report = frictionless(DATA / "datapackage.json")
    errors = [(task["name"], e["message"]) for task in report["tasks"] for e in task["errors"]]
    assert report["valid"], errors
    # Every table was checked as a table, against its schema.
    checked = {task["name"] for task in report["tasks"] if task["type"] == "table"}
    tables = {r["name"] for r in json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]
              if "schema" in r}
    assert checked == tables


# (table, row index, column, bad value, what frictionless calls it)
BAD_CELLS = [
    ("figures", 0, "value", "about 5", "type-error"),
    ("figures", 0, "value", "1,000", "type-error"),
    ("political_prisoners", 0, "count", "5.0", "type-error"),
    ("events", 0, "date", "2022-02-30", "type-error"),
    ("events", 0, "date", "20220101", "type-error"),
    ("figures", 0, "topic", "Army", "constraint-error"),
    ("figures", 0, "unit", "", "constraint-error"),
    ("events", 1, "event_id", None, "primary-key"),
    ("events", 0, "source_id", "art-999", "foreign-key"),
]


@pytest.mark.parametrize(("table", "index", "column", "value", "kind"), BAD_CELLS,
                         ids=[f"{t}.{c}={v!r}" for t, _, c, v, _ in BAD_CELLS])
def test_both_validators_refuse_a_bad_cell(tmp_path, table, index, column, value, kind):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    fields, rows = read_csv(data / f"{table}.csv")
    rows[index][column] = rows[0][column] if value is None else value  # None: copy row 0's key
    write_csv(data / f"{table}.csv", fields, rows)
    with pytest.raises(DataError):
        validate_package(data)
    # The same validator as the command above, in this process: it starts in a fraction of
    # the time, and this test runs it once per bad cell.
    from frictionless import Package

    report = Package(str(data / "datapackage.json")).validate()
    kinds = {e.type for task in report.tasks for e in task.errors}
    assert not report.valid and kind in kinds, kinds
