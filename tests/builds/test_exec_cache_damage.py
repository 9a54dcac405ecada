"""A damaged execution cache is found before any page is read and named, with its remedy;
`make clean-cache` removes it and keeps the site. Each damage on a copy of the book with a
copy of the checkout's cache (the build stops before Jupyter Book starts: seconds each)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from belarus_book.commands import exec_cache
from belarus_book.web.layout import site_dir

from ..book_copies import checkout_cache, copy_book, run_tool

pytestmark = pytest.mark.slow


def notebooks(folder: Path) -> list[Path]:
    return sorted(folder.glob("executed/*/base.ipynb"))


def truncate_database(folder):
    database = folder / exec_cache.DB_NAME
    database.write_bytes(database.read_bytes()[: database.stat().st_size // 2])
    return "global.db is not a whole database"


def empty_database(folder):
    (folder / exec_cache.DB_NAME).write_bytes(b"")
    return "global.db is not a whole database (no such table: nbcache)"


def delete_database(folder):
    (folder / exec_cache.DB_NAME).unlink()
    return "global.db is missing"


def delete_notebook(folder):
    notebooks(folder)[0].unlink()
    return "the cached notebook executed/"


def garbage_in_notebook(folder):
    notebooks(folder)[-1].write_bytes(b"\x00\x01 not json \xff")
    return "is not a notebook (UnicodeDecodeError"


def notebook_without_cells(folder):
    notebooks(folder)[0].write_text(json.dumps({"nbformat": 4, "cells": [{"outputs": []}]}), encoding="utf-8")
    return "is not a notebook (a cell without its type or source)"


def delete_executed_folder(folder):
    shutil.rmtree(folder / "executed")
    return "is missing"


def cache_is_a_file(folder):
    shutil.rmtree(folder)
    folder.write_text("not a folder", encoding="utf-8")
    return f"{folder.name} is a file, not a folder"


DAMAGE = [truncate_database, empty_database, delete_database, delete_notebook, garbage_in_notebook,
          notebook_without_cells, delete_executed_folder, cache_is_a_file]


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    book = copy_book(tmp_path_factory.mktemp("cache") / "book")
    site = site_dir(book)
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    return book


def test_the_checkout_cache_is_whole():
    assert exec_cache.damage(checkout_cache()) is None


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__)
def test_damage_stops_the_build_naming_the_cache_and_the_remedy(book, damage):
    folder = exec_cache.cache_folder(book, book / "data")
    if folder.is_file():
        folder.unlink()
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(checkout_cache(), folder)
    expected = damage(folder)
    result = run_tool(book)
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert "BUILD STOPPED: the execution cache in _build/.jupyter_cache is damaged (" in result.stderr
    assert expected in result.stderr
    assert "run `make clean-cache` (it keeps the site)" in result.stderr
    assert "Traceback" not in result.stderr and "Running Jupyter-Book" not in result.stdout
    assert (site_dir(book) / "index.html").read_text(encoding="utf-8") == "the last good site"


def test_clean_cache_removes_the_cache_only(book):
    folder = exec_cache.cache_folder(book, book / "data")
    if folder.exists() and not folder.is_dir():
        folder.unlink()
    truncate_database(folder) if folder.is_dir() else shutil.copytree(checkout_cache(), folder)
    result = run_tool(book, "clean-cache")
    assert result.returncode == 0, result.stderr
    assert not (book / exec_cache.CACHE_ROOT).exists()
    assert (site_dir(book) / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert exec_cache.damage(folder) is None
