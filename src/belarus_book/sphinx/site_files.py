"""``data/`` published at ``<site>/data/``, so every page can offer its tables for download,
with the claims ledger (:mod:`belarus_book.claims`) added as ``claims.csv`` and described in
the published ``datapackage.json`` (derived, so it is not in ``data/`` itself).

The ledger is made from the data, the chapters (which claims each uses) and this package,
and takes seconds to make: it is made again only when one of those changed since the site
it is in was built (a key of them is kept beside the build's environment). The copy is
writable whatever modes ``data/`` has, so the ledger can be added to it.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx

from ..commands.exec_cache import PACKAGE_DIR, fingerprint
from ..commands.folders import copy_writable, remove_tree
from ..data import find_data_dir
from .records import chapters_of_claims

KEY_FILE = "published-data.key"


def publish_data(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    published = Path(app.outdir) / "data"
    data_dir = find_data_dir(Path(app.srcdir))
    # The ledger's chapters column is what the chapters recorded: part of the key.
    shown = chapters_of_claims(app)
    key = fingerprint(data_dir, PACKAGE_DIR) + json.dumps(shown, sort_keys=True)
    key_file = Path(app.doctreedir) / KEY_FILE
    if (published / "claims.csv").is_file() and key_file.is_file() and key_file.read_text() == key:
        return
    remove_tree(published)
    copy_writable(data_dir, published)
    from ..claims import write_published  # pandas: only once, at the end of the build

    write_published(published, data_dir, shown)
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_text(key)
