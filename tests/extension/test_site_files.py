"""data/ is published in the site, with the claims ledger as claims.csv."""

from __future__ import annotations

import json

import pytest

from belarus_book.data import find_data_dir

pytestmark = pytest.mark.usefixtures("book_build")


@pytest.mark.sphinx("html", testroot="book", srcdir="site-files")
def test_the_data_folder_and_the_claims_ledger_are_published(app):
    app.build()
    data_dir = find_data_dir(app.srcdir)
    published = app.outdir / "data"
    for table in data_dir.glob("*.csv"):
        assert (published / table.name).read_bytes() == table.read_bytes(), table.name
    assert (published / "claims.csv").is_file()
    package = json.loads((published / "datapackage.json").read_text(encoding="utf-8"))
    assert "claims" in [r["name"] for r in package["resources"]]
    assert "claims" not in [r["name"] for r in json.loads(
        (data_dir / "datapackage.json").read_text(encoding="utf-8"))["resources"]]
