"""What the unit tests of the book's Sphinx extension share: Sphinx's own fixtures (app,
make_app, ...) run on the tiny projects in roots/test-*/, the Vega libraries bundled once,
and stand-ins for the slow parts of a build. Only these tests import Sphinx and nbformat, so
a run of tests/unit does not pay for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# Sphinx's fixtures and its `sphinx` marker, for this folder only.
from sphinx.testing.fixtures import *  # noqa: F403

from belarus_book.data import DATA_DIR_ENV
from belarus_book.data.shown import RECORD_NAME
from belarus_book.glue import BUILD_ENV, GLUE_PREFIX
from belarus_book.sphinx import wheel
from belarus_book.web import chart_bundle
from belarus_book.web.layout import wheel_name

_write_scripts = chart_bundle.write_scripts


@pytest.fixture(scope="session")
def vega_cache(tmp_path_factory) -> Path:
    """A cache holding the Vega libraries, made once: vl-convert takes seconds to bundle them."""
    cache = tmp_path_factory.mktemp("vega-cache")
    _write_scripts(cache, tmp_path_factory.mktemp("vega-first"))
    return cache


@pytest.fixture(scope="session")
def vega_scripts(vega_cache, tmp_path_factory) -> Path:
    """The site's real chart scripts (bundle and views), as the build writes them."""
    folder = tmp_path_factory.mktemp("vega")
    _write_scripts(vega_cache, folder)
    return folder


@pytest.fixture
def book_build(monkeypatch, vega_cache, tmp_path) -> Path:
    """A test project's build as the extension does it, minus the slow parts: the Vega
    libraries bundled once for the session, and a stand-in for the package's wheel (pip would
    build the project around the test root, which has none). The process environment is left
    as it was (the extension tells the kernels of the build, by an environment variable, that
    it runs). Returns the stand-in wheel."""
    monkeypatch.setattr(chart_bundle, "write_scripts", lambda cache_dir, folder: _write_scripts(vega_cache, folder))
    stand_in = tmp_path / "wheel" / wheel_name()
    stand_in.parent.mkdir()
    stand_in.write_bytes(b"a stand-in for the package's wheel")
    monkeypatch.setattr(wheel, "build_wheel", lambda project, cache_root: stand_in)
    monkeypatch.delenv(BUILD_ENV, raising=False)
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    return stand_in


@pytest.fixture
def cache_executed():
    """Puts a page into the test build's execution cache as if it had run, each code cell
    printing ``output``: what myst-nb and the prerun would leave there, without a kernel."""
    def cache(app, docname: str, output: str, record: dict | None = None) -> None:
        import nbformat
        from jupyter_cache import get_cache
        from jupyter_cache.base import CacheBundleIn
        from myst_nb.core.read import create_nb_reader

        path = Path(app.env.doc2path(docname))
        text = path.read_text(encoding="utf-8")
        notebook = create_nb_reader(str(path), app.env.myst_config, app.env.mystnb_config, text).read(text)
        for number, cell in enumerate(c for c in notebook.cells if c.cell_type == "code"):
            cell.execution_count = number + 1
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=output)]
        if record is not None:  # what the chapter's Sources list leaves while the book is built
            cell.outputs.append(nbformat.v4.new_output(
                "display_data", data={GLUE_PREFIX + "text/plain": repr(json.dumps(record))},
                metadata={"scrapbook": {"name": RECORD_NAME, "mime_prefix": GLUE_PREFIX}}))
        get_cache(app.config.nb_execution_cache_path).cache_notebook_bundle(
            CacheBundleIn(notebook, str(path)), check_validity=False, overwrite=True)

    return cache


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).resolve().parent / "roots"
