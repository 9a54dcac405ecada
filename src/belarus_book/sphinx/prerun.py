"""Run the notebooks a build is about to read side by side, into the cache.

myst-nb executes each notebook page when Sphinx reads it, one after another, and Sphinx's
parallel reading is not an option here (some of Jupyter Book's extensions are not
parallel-safe). Executing is nearly all of a cold build's time, and a kernel keeps one core
busy. So, just before reading, this module executes every notebook page that is about to
be read and is not yet cached, as many at a time as there are cores, and stores each result
in jupyter-cache exactly as myst-nb would. myst-nb then finds every page in the cache.

Nothing else changes: pages are read, rendered and checked by myst-nb as before. A notebook
that fails here (a cell raises, or runs past the timeout) stops the build, naming each failed
page and its cell, when ``raise_on_error`` is set, as it is for this book: myst-nb would only
run it again to fail the same way, which for a cell that never ends doubles the wait.

:func:`executed_notebook` gives a page's executed notebook from the cache. myst-nb 1.4
writes the notebook it read, not the one it took from the cache, into ``jupyter_execute/``,
so on a cache hit that copy has no outputs; the download box publishes this one instead.
"""

from __future__ import annotations

import logging as std_logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError
from sphinx.util import logging

from ..glue import BUILD_ENV

logger = logging.getLogger(__name__)
# nbclient's own log, at warnings only: in these threads it would otherwise print an INFO
# line per notebook that myst-nb's serial runs do not.
_NBCLIENT_LOG = std_logging.getLogger("belarus_book.sphinx.prerun.nbclient")
_NBCLIENT_LOG.setLevel(std_logging.WARNING)


def tell_kernels(app: Sphinx, config) -> None:
    # The chapters' kernels (started here or by myst-nb) inherit the environment: this tells
    # them the site is being built, so charts carry the site's placeholder and glue() writes
    # myst-nb's records.
    os.environ[BUILD_ENV] = "1"


def _read_notebook(env: BuildEnvironment, path: Path):
    """The notebook myst-nb reads from ``path``, or None if the page is not a notebook."""
    from myst_nb.core.read import create_nb_reader

    text = path.read_text(encoding="utf-8")
    reader = create_nb_reader(str(path), env.myst_config, env.mystnb_config, text)
    return None if reader is None else reader.read(text)


def executed_notebook(env: BuildEnvironment, docname: str):
    """A page's notebook with the outputs of its cached execution, or None if not cached."""
    from jupyter_cache import get_cache

    notebook = _read_notebook(env, Path(env.doc2path(docname)))
    if notebook is None:
        return None
    try:
        return get_cache(env.mystnb_config.execution_cache_path).merge_match_into_notebook(notebook)[1]
    except KeyError:
        return None


def _due(env: BuildEnvironment, docnames: list[str], cache) -> list[tuple[str, Path, object]]:
    """(docname, path, notebook) of every page to be read that is a notebook not yet cached."""
    nb_config = env.mystnb_config
    due = []
    for docname in docnames:
        path = Path(env.doc2path(docname))
        notebook = _read_notebook(env, path)
        if notebook is None:
            continue
        # Page-level execution settings (a "mystnb" block in the front matter) are myst-nb's
        # to interpret: such a page is left to it.
        if nb_config.metadata_key in notebook.metadata:
            continue
        try:
            cache.match_cache_notebook(notebook)
        except KeyError:
            due.append((docname, path, notebook))
    return due


def prerun(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    nb_config = env.mystnb_config
    if nb_config.execution_mode != "cache" or nb_config.execution_in_temp:
        return
    from jupyter_cache import get_cache

    cache = get_cache(nb_config.execution_cache_path)
    due = _due(env, docnames, cache)
    workers = min(len(due), os.cpu_count() or 1)
    if workers < 2:
        return  # nothing to run side by side: myst-nb runs it as usual

    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.executors.utils import single_nb_execution

    # Biggest first, so the longest notebooks do not end up last on one core.
    due.sort(key=lambda item: item[1].stat().st_size, reverse=True)

    def run(item):
        _, path, notebook = item
        # Same call and working folder as myst-nb's own cache mode.
        return single_nb_execution(
            notebook, cwd=str(path.parent.resolve()), allow_errors=nb_config.execution_allow_errors,
            timeout=nb_config.execution_timeout, meta_override=True, log=_NBCLIENT_LOG,
        )

    logger.info("prerun: executing %d notebooks, %d at a time", len(due), workers)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(run, due))
    failed = []
    for (docname, path, notebook), result in zip(due, results, strict=True):
        if result.err is not None:
            failed.append(f"{docname} failed when it was run: {result.err}")
            continue
        cache.cache_notebook_bundle(
            CacheBundleIn(notebook, str(path), data={"execution_seconds": result.time}),
            check_validity=False, overwrite=True,
        )
        logger.info("prerun: %s executed in %.1f s", docname, result.time)
    if failed and nb_config.execution_raise_on_error:
        raise ExtensionError("\n\n".join(failed))
    for message in failed:  # without raise_on_error, myst-nb runs it and shows the error in the page
        logger.info("prerun: %s", message.splitlines()[0])
