"""Bad data stops the build before any page is read; the execution cache knows the data."""

from __future__ import annotations

import pytest
from sphinx.errors import ExtensionError

from belarus_book.data import find_data_dir
from belarus_book.sphinx.data_check import PACKAGE_DIR, fingerprint

pytestmark = pytest.mark.usefixtures("book_build")


@pytest.mark.sphinx("html", testroot="bad-data")
def test_a_bad_row_stops_the_build_naming_file_row_and_column(app_params, make_app):
    args, kwargs = app_params
    with pytest.raises(ExtensionError) as stopped:
        make_app(*args, **kwargs)
    message = str(stopped.value)
    assert message.startswith("invalid data, no chapter was run:")
    assert """data/things.csv, row 3, column "count": 'many' is not an integer""" in message


@pytest.mark.sphinx("html", testroot="book", srcdir="cache-key")
def test_the_execution_cache_is_keyed_on_the_data_and_the_package(app_params, make_app):
    args, kwargs = app_params
    cache_root = kwargs["srcdir"] / "_build" / ".jupyter_cache"
    earlier = cache_root / "0123456789abcdef"
    earlier.mkdir(parents=True)
    app = make_app(*args, **kwargs)
    key = fingerprint(find_data_dir(app.srcdir), PACKAGE_DIR)
    assert app.config.nb_execution_cache_path == str(cache_root / key)
    assert app.env.mystnb_config.execution_cache_path == str(cache_root / key)
    assert not earlier.exists(), "the cache of an earlier state of data and package is kept"


def test_the_fingerprint_follows_names_and_contents(tmp_path):
    (tmp_path / "a.csv").write_text("x\n1\n", encoding="utf-8")
    before = fingerprint(tmp_path)
    (tmp_path / "a.csv").write_text("x\n2\n", encoding="utf-8")
    changed = fingerprint(tmp_path)
    (tmp_path / "a.csv").rename(tmp_path / "b.csv")
    renamed = fingerprint(tmp_path)
    assert len({before, changed, renamed}) == 3
