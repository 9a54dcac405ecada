"""Files that are not what a spreadsheet user expects: a byte-order mark is accepted (as the
reference validator, frictionless, accepts it), an empty file is called empty."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from belarus_book.data import DataError, load, validate_package

from ..helpers import DATA


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def test_a_csv_with_a_byte_order_mark_loads_as_without_it(data_copy):
    table = data_copy / "events.csv"
    table.write_bytes(b"\xef\xbb\xbf" + table.read_bytes())
    validate_package(data_copy)
    assert load("events", data_dir=data_copy).equals(load("events", data_dir=DATA))


def test_a_datapackage_json_with_a_byte_order_mark_is_read(data_copy):
    package = data_copy / "datapackage.json"
    package.write_bytes(b"\xef\xbb\xbf" + package.read_bytes())
    validate_package(data_copy)


@pytest.mark.parametrize("content", [b"", b"\n", b"\xef\xbb\xbf"])
def test_an_empty_csv_is_called_empty(data_copy, content):
    (data_copy / "polls.csv").write_bytes(content)
    with pytest.raises(DataError) as stopped:
        validate_package(data_copy)
    message = str(stopped.value)
    assert message == "data/polls.csv: the file is empty; a table needs at least its header row"
