"""load() validates a table once per state of its data folder and hands out copies (issue 26)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import belarus_book.data as data
from belarus_book.data import DataError, load

from ..helpers import DATA, edit_csv_cell, read_csv, write_csv


@pytest.fixture
def data_copy(tmp_path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def validations(monkeypatch) -> list[str]:
    """The tables validated from now on, in order."""
    seen = []
    validate = data.validate_table

    def counted(d, pkg, name):
        seen.append(name)
        return validate(d, pkg, name)

    monkeypatch.setattr(data, "validate_table", counted)
    return seen


def test_an_unchanged_table_is_validated_once_and_each_caller_gets_its_own_copy(data_copy, validations):
    first = load("sources", data_copy)
    first.loc[0, "outlet"] = "changed by a chapter"
    second = load("sources", data_copy)
    assert validations == ["sources"]
    assert second.loc[0, "outlet"] != "changed by a chapter"
    assert second.equals(load("sources", data_copy)) and second is not load("sources", data_copy)


def test_a_changed_file_is_validated_again(data_copy, validations):
    _, rows = read_csv(data_copy / "figures.csv")
    row = next(r for r in rows if r["value"])
    load("figures", data_copy)
    # Same size, so only the content tells the two files apart.
    new = ("2" if row["value"].startswith("1") else "1") + row["value"][1:]
    edit_csv_cell(data_copy / "figures.csv", "figure_id", row["figure_id"], "value", new)
    figures = load("figures", data_copy).set_index("figure_id")
    assert validations == ["figures", "figures"]
    assert figures.loc[row["figure_id"], "value"] == float(new)


def test_a_broken_table_raises_on_every_call_and_loads_once_mended(data_copy):
    load("figures", data_copy)
    fields, rows = read_csv(data_copy / "figures.csv")
    edit_csv_cell(data_copy / "figures.csv", "figure_id", rows[0]["figure_id"], "value", "abc")
    for _ in range(2):
        with pytest.raises(DataError, match="'abc' is not a number"):
            load("figures", data_copy)
    write_csv(data_copy / "figures.csv", fields, rows)
    assert len(load("figures", data_copy)) == len(rows)


def test_a_change_to_a_table_it_points_to_is_seen(data_copy):
    """figures.csv is unchanged, but a source it cites is gone from sources.csv."""
    figures = load("figures", data_copy)
    cited = figures["source_id"].iloc[0]
    fields, rows = read_csv(data_copy / "sources.csv")
    write_csv(data_copy / "sources.csv", fields, [r for r in rows if r["source_id"] != cited])
    with pytest.raises(DataError, match=f"unknown source '{cited}'"):
        load("figures", data_copy)


def test_a_change_to_the_schema_is_seen(data_copy):
    load("support", data_copy)
    package = data_copy / "datapackage.json"
    package.write_text(package.read_text(encoding="utf-8").replace('"withheld"', '"held back"'), encoding="utf-8")
    with pytest.raises(DataError, match="is not one of: provided, held back"):
        load("support", data_copy)
