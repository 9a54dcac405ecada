"""The loader rejects broken data with messages naming file, row, column and rule.

Each test copies data/ to a temporary folder, breaks one thing and checks the
message. Row numbers are CSV line numbers (header = line 1).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from belarus_book.data import DataError, find_data_dir, load, resource_names, validate_package

from ..helpers import DATA, read_csv, write_csv


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(DATA, d)
    return d


def read(d: Path, name: str):
    return read_csv(d / f"{name}.csv")


def write(d: Path, name: str, header, rows):
    write_csv(d / f"{name}.csv", header, rows)


def corrupt(d: Path, name: str, index: int, column: str, value: str):
    """Set one cell; returns the CSV line number of that row (header = 1)."""
    header, rows = read(d, name)
    rows[index][column] = value
    write(d, name, header, rows)
    return index + 2


def error_of(d: Path, name: str) -> str:
    with pytest.raises(DataError) as exc:
        load(name, data_dir=d)
    return str(exc.value)


# One bad cell each: (table, row index, column, bad value, what the message says after
# 'data/<table>.csv, row <line>, column "<column>": ').
BAD_CELLS = [
    pytest.param("figures", 12, "source_id", "art-999", "unknown source 'art-999' (not in data/sources.csv)",
                 id="unknown-source"),
    pytest.param("quotes", 0, "person_id", "p-nobody", "unknown person 'p-nobody' (not in data/people.csv)",
                 id="unknown-person"),
    pytest.param("events", 3, "date", "2022-13-45", "'2022-13-45' is not a valid date (YYYY-MM-DD)",
                 id="malformed-date"),
    pytest.param("figures", 5, "value", "abc", "'abc' is not a number", id="non-numeric"),
    pytest.param("political_prisoners", 0, "count", "12.5", "'12.5' is not an integer", id="non-integer"),
    pytest.param("support", 2, "excerpt", "  ", "empty excerpt (every row must cite its evidence)",
                 id="empty-excerpt"),
    pytest.param("events", 0, "title_en", "", "empty value in required column", id="empty-required-value"),
    pytest.param("support", 0, "status", "maybe", "'maybe' is not one of: provided, withheld", id="enum"),
]


@pytest.mark.parametrize(("table", "index", "column", "value", "message"), BAD_CELLS)
def test_a_bad_cell_is_named_by_file_row_and_column(data_copy, table, index, column, value, message):
    line = corrupt(data_copy, table, index, column, value)
    assert f'data/{table}.csv, row {line}, column "{column}": {message}' in error_of(data_copy, table)


def test_missing_required_column(data_copy):
    header, rows = read(data_copy, "figures")
    header.remove("excerpt")
    for r in rows:
        del r["excerpt"]
    write(data_copy, "figures", header, rows)
    assert 'data/figures.csv: missing required column "excerpt"' in error_of(data_copy, "figures")


def test_duplicate_key(data_copy):
    header, rows = read(data_copy, "figures")
    first = rows[1]["figure_id"]
    line = corrupt(data_copy, "figures", 6, "figure_id", first)
    msg = error_of(data_copy, "figures")
    assert f"data/figures.csv, row {line}, column \"figure_id\": duplicate primary key '{first}' (first at row 3)" in msg


def test_low_greater_than_high(data_copy):
    header, rows = read(data_copy, "figures")
    i = next(i for i, r in enumerate(rows) if r["value_low"])
    corrupt(data_copy, "figures", i, "value_low", "50")
    line = corrupt(data_copy, "figures", i, "value_high", "40")
    assert f'data/figures.csv, row {line}, column "value_low": value_low 50 > value_high 40' in error_of(data_copy, "figures")


def test_coarse_date_must_start_its_period(data_copy):
    header, rows = read(data_copy, "events")
    i = next(i for i, r in enumerate(rows) if r["date_precision"] == "month")
    line = corrupt(data_copy, "events", i, "date", rows[i]["date"][:8] + "17")
    assert f'data/events.csv, row {line}, column "date": {rows[i]["date"][:8]}17 has date_precision \'month\' but is not the 1st of the month' in error_of(data_copy, "events")


def test_all_problems_are_reported_together(data_copy):
    corrupt(data_copy, "figures", 0, "value", "abc")
    corrupt(data_copy, "support", 0, "status", "maybe")
    with pytest.raises(DataError) as exc:
        validate_package(data_copy)
    assert len(exc.value.problems) == 2
    assert "figures.csv" in str(exc.value) and "support.csv" in str(exc.value)


def test_unlisted_csv_is_reported(data_copy):
    (data_copy / "stray.csv").write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"data/stray.csv: CSV not listed in datapackage.json"):
        validate_package(data_copy)


def test_find_data_dir(tmp_path, monkeypatch, data_copy):
    monkeypatch.delenv("BELARUS_BOOK_DATA", raising=False)
    sub = data_copy.parent / "chapters"
    sub.mkdir()
    assert find_data_dir(sub) == data_copy  # walks up from chapters/ to ../data
    monkeypatch.setenv("BELARUS_BOOK_DATA", str(data_copy))
    assert find_data_dir("/") == data_copy
    monkeypatch.setenv("BELARUS_BOOK_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError, match="BELARUS_BOOK_DATA"):
        find_data_dir()


EXPECTED = {"date": "datetime64", "integer": "Int64", "number": "float64", "boolean": "boolean"}


@pytest.mark.parametrize("name", resource_names(DATA))
def test_load_returns_schema_dtypes(name):
    import json
    res = next(r for r in json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"] if r["name"] == name)
    df = load(name, data_dir=DATA)
    assert list(df.columns) == [f["name"] for f in res["schema"]["fields"]]
    assert len(df) > 0
    for f in res["schema"]["fields"]:
        dtype, t = df[f["name"]].dtype, f.get("type", "string")
        if t == "date":
            assert pd.api.types.is_datetime64_any_dtype(dtype), (f["name"], dtype)
        elif t == "integer":
            assert str(dtype) == "Int64", (f["name"], dtype)
        elif t == "number":
            assert pd.api.types.is_float_dtype(dtype), (f["name"], dtype)
        elif t == "boolean":
            assert str(dtype) == "boolean", (f["name"], dtype)
        else:
            assert pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype), (f["name"], dtype)


# --- bad input outside the rows -------------------------------------------------------


def test_package_that_is_not_json_names_file_line_and_column(data_copy):
    text = (data_copy / "datapackage.json").read_text(encoding="utf-8")
    (data_copy / "datapackage.json").write_text(text.replace('"resources": [', '"resources": [,', 1),
                                                encoding="utf-8")
    line = text[:text.index('"resources": [')].count("\n") + 1
    with pytest.raises(DataError, match=rf"data/datapackage.json, line {line}, column \d+: not valid JSON"):
        load("events", data_copy)


def test_csv_that_is_not_utf8_names_file_and_byte(data_copy):
    raw = (data_copy / "events.csv").read_bytes()
    at = raw.index("ü".encode())
    (data_copy / "events.csv").write_bytes(raw[:at] + "ü".encode("latin-1") + raw[at + 2:])
    with pytest.raises(DataError, match=rf"data/events.csv: not UTF-8 text \(byte {at}, "):
        load("events", data_copy)


@pytest.mark.parametrize("rule", [{"minimum": 0}, {"maximum": 9}, {"unique": True}, {"pattern": "^a"},
                                  {"minLength": 1}, {"maxLength": 9}, {"jsonSchema": {}}])
def test_schema_rule_the_loader_does_not_check_is_refused(data_copy, rule):
    import json

    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    figures["schema"]["fields"][0].setdefault("constraints", {}).update(rule)
    (data_copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(DataError, match=rf"schema rule '{next(iter(rule))}' is not checked"):
        load("figures", data_copy)


def test_multi_field_key_is_refused(data_copy):
    import json

    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    events = next(r for r in package["resources"] if r["name"] == "events")
    events["schema"]["primaryKey"] = ["event_id", "date"]
    (data_copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(DataError, match="primaryKey of several fields"):
        load("events", data_copy)


@pytest.mark.parametrize(("where", "change", "message"), [
    ("field", {"type": "datetime"}, "schema rule 'type datetime' is not checked"),
    ("field", {"type": "year"}, "schema rule 'type year' is not checked"),
    ("field", {"format": "email"}, "schema rule 'format email' is not checked"),
    ("field", {"trueValues": ["yes"]}, "schema rule 'trueValues' is not checked"),
    ("field", {"missingValues": ["-"]}, "schema rule 'missingValues' is not checked"),
    ("schema", {"uniqueKeys": [["figure_id"]]}, "schema rule 'uniqueKeys' is not checked"),
    ("schema", {"missingValues": ["", "NA"]}, "missingValues \\['', 'NA'\\] is not checked"),
    ("resource", {"dialect": {"delimiter": ";"}}, "a CSV dialect or an encoding other than UTF-8"),
    ("resource", {"encoding": "latin-1"}, "a CSV dialect or an encoding other than UTF-8"),
])
def test_other_schema_rules_are_refused(data_copy, where, change, message):
    import json

    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    target = {"field": figures["schema"]["fields"][0], "schema": figures["schema"], "resource": figures}[where]
    target.update(change)
    (data_copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load("figures", data_copy)


def test_one_field_key_written_as_a_list_is_checked(data_copy):
    import json

    package = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    events = next(r for r in package["resources"] if r["name"] == "events")
    events["schema"]["primaryKey"] = ["event_id"]
    (data_copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    header, rows = read(data_copy, "events")
    rows[1]["event_id"] = rows[0]["event_id"]
    write(data_copy, "events", header, rows)
    with pytest.raises(DataError, match="row 3, column \"event_id\": duplicate primary key"):
        load("events", data_copy)


@pytest.mark.parametrize("value", ["1_000", " 5", "inf", "NaN", "\u0661\u0662"])
def test_number_in_python_syntax_but_not_the_spec_is_refused(data_copy, value):
    line = corrupt(data_copy, "figures", 0, "value", value)
    assert f'row {line}, column "value": {value!r} is not a number' in error_of(data_copy, "figures")
