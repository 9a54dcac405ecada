"""``data/`` published at ``<site>/data/``, so every page can offer its tables for download,
with the claims ledger (:mod:`belarus_book.claims`) added as ``claims.csv`` and described in
the published ``datapackage.json`` (derived, so it is not in ``data/`` itself)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

from ..data import find_data_dir
from .records import chapters_of_claims


def publish_data(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    published = Path(app.outdir) / "data"
    shutil.rmtree(published, ignore_errors=True)
    data_dir = find_data_dir(Path(app.srcdir))
    shutil.copytree(data_dir, published)
    from ..claims import write_published  # pandas: only once, at the end of the build

    write_published(published, data_dir, chapters_of_claims(app))
