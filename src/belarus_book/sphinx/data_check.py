"""Valid data before any chapter runs, and an execution cache that knows the data.

Every table in ``data/`` is validated when the configuration is read, so bad data stops the
build with a message naming file, row and column instead of failing inside a chapter.
jupyter-cache keys a page on its code cells only and would serve stale pages after a change
to the data or to this package: the cache folder is therefore keyed on both as well
(:func:`belarus_book.commands.exec_cache.cache_folder`).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ..commands.exec_cache import PACKAGE_DIR, cache_folder, fingerprint  # noqa: F401  (their home for the extension)
from ..commands.folders import remove_tree
from ..data import DataError, find_data_dir, validate_package


def check_data_and_key_cache(app: Sphinx, config) -> None:
    data_dir = find_data_dir(Path(app.srcdir))
    try:
        validate_package(data_dir)
    except DataError as error:
        raise ExtensionError(f"invalid data, no chapter was run:\n{error}") from None

    # One cache folder per state of data + package: a change to either makes every
    # chapter run afresh. Folders of earlier states are removed so they do not pile up.
    folder = cache_folder(Path(app.srcdir), data_dir)
    config.nb_execution_cache_path = str(folder)
    if folder.parent.is_dir():
        for stale in folder.parent.iterdir():
            if stale.name != folder.name:
                remove_tree(stale)
