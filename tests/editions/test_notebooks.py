"""The notebook edition in the clients teachers and students use.

Each chapter's downloadable notebook is opened as downloaded in plain JupyterLab (pinned in
requirements/jupyterlab.txt, no extensions) whose only kernel runs in a fresh virtual environment holding
just the project's wheel and its dependencies: no checkout, no data/ folder, no myst-nb. It
must show every chart the chapter's web page shows and read as plain Markdown, both as
downloaded and after Run All, without error output. nbconvert's HTML export must show every
chart too (as the static image).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from belarus_book.notebook_edition import leftover_myst
from belarus_book.web.layout import GERMAN_DIR, WHEEL_DIR, wheel_name

from ..helpers import ROOT, SITE

CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("*.md"))
EDITION = SITE / "_downloads" / "notebooks" / "chapters"
#: Each chapter's notebook in both editions: "mobilisation", "de/mobilisation".
NOTEBOOKS = CHAPTERS + [f"{GERMAN_DIR}/{chapter}" for chapter in CHAPTERS]
RAW_MYST = re.compile(r"\{(glue|term|numref|ref|doc)[:}]|^:::|\(\w[\w-]*\)=|\{admonition\}", re.M)


def _edition_of(notebook: str) -> tuple[Path, str]:
    """(the root of the notebook's edition in the site, the chapter's name)."""
    folder, _, chapter = notebook.rpartition("/")
    return (SITE / folder if folder else SITE), chapter


def notebook_file(notebook: str) -> Path:
    root, chapter = _edition_of(notebook)
    return root / "_downloads" / "notebooks" / "chapters" / f"{chapter}.ipynb"


def web_chart_count(notebook: str, shown: bool = False) -> int:
    """Charts on the chapter's web page (in the notebook's edition); ``shown``: only those
    not folded away (a solution's chart opens with its solution, in the notebook as on the
    page)."""
    from bs4 import BeautifulSoup

    root, chapter = _edition_of(notebook)
    page = BeautifulSoup((root / "chapters" / f"{chapter}.html").read_text(encoding="utf-8"), "html.parser")
    charts = page.select("div.vega-chart")
    if shown:
        charts = [c for c in charts if not c.find_parent("details", class_="hide")]
    return len(charts)


def test_every_chapter_is_tested():
    assert CHAPTERS, "no chapters found"
    assert sorted(p.stem for p in EDITION.glob("*.ipynb")) == CHAPTERS
    assert all(notebook_file(n).is_file() for n in NOTEBOOKS), "a German notebook edition is missing"


@pytest.mark.parametrize("chapter", NOTEBOOKS)
def test_edition_is_plain_jupyter(chapter):
    notebook = nbformat.read(notebook_file(chapter), as_version=4)
    nbformat.validate(notebook)
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert not leftover_myst(markdown) and not RAW_MYST.search(markdown)
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    charts = [o for o in outputs if "application/vnd.vegalite.v5+json" in o.get("data", {})]
    assert len(charts) == web_chart_count(chapter) > 0
    assert all("image/png" in o["data"] for o in charts), "a chart without its static image"
    standard = {"text/plain", "text/html", "text/markdown", "image/png", "application/vnd.vegalite.v5+json"}
    assert not {k for o in outputs for k in o.get("data", {})} - standard, "non-standard output type"
    assert not any('class="vega-chart"' in o.get("data", {}).get("text/html", "") for o in outputs)
    assert not [o for o in outputs if o.get("output_type") == "error" or o.get("name") == "stderr"]


# --- a fresh environment with only the wheel -------------------------------------------


@pytest.fixture(scope="session")
def wheel_python(tmp_path_factory) -> Path:
    """Python of a fresh venv holding only JupyterLab and the project's wheel (and what they
    depend on), at the versions pinned in requirements/constraints.txt (the wheel's) and
    requirements/jupyterlab.txt (what JupyterLab adds; the book's own venv has no JupyterLab)."""
    tmp = tmp_path_factory.mktemp("wheel-only")
    # The wheel the site offers in every chapter's download box, as a teacher downloads it.
    wheel = SITE / WHEEL_DIR / wheel_name()
    assert wheel.is_file(), f"the site offers no {wheel.name}"
    subprocess.run([sys.executable, "-m", "venv", str(tmp / "venv")], check=True)
    python = tmp / "venv" / "bin" / "python"
    pins = [arg for name in ("constraints.txt", "jupyterlab.txt") for arg in ("-c", str(ROOT / "requirements" / name))]
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *pins, str(wheel), "jupyterlab"],
                   check=True, env=_clean_env())
    return python


def _clean_env(**extra) -> dict:
    # A reader's environment: no data override and no PYTHONPATH (a developer's may point at
    # the checkout's src/, which would stand in for the wheel).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and (
        not k.startswith("BELARUS_BOOK_") or k == "BELARUS_BOOK_CHROMIUM")}
    return {**env, **extra}


# Slow, as is everything that needs wheel_python: a fresh environment takes about two minutes.
@pytest.mark.slow
def test_wheel_carries_the_data_and_needs_no_build_tools(wheel_python, tmp_path):
    code = ("import importlib.util, belarus_book as bb; "
            "print(bb.find_data_dir()); print(len(bb.load('events'))); "
            "print(importlib.util.find_spec('myst_nb'), importlib.util.find_spec('sphinx'))")
    out = subprocess.run([str(wheel_python), "-c", code], cwd=tmp_path, env=_clean_env(),
                         capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0].endswith("site-packages/belarus_book/data_package"), out[0]
    assert int(out[1]) > 0
    assert out[2] == "None None", "myst-nb or Sphinx in the wheel-only environment"
    kernels = subprocess.run([str(wheel_python), "-m", "jupyter", "kernelspec", "list", "--json"],
                             env=_clean_env(JUPYTER_PATH=str(tmp_path)), capture_output=True,
                             text=True, check=True).stdout
    # "python" in a kernel's command means the server's own Python (jupyter_client), here
    # the venv's.
    argv = json.loads(kernels)["kernelspecs"]["python3"]["spec"]["argv"]
    assert argv[0] == "python" or Path(argv[0]).parent == wheel_python.parent, argv


# --- plain JupyterLab in Chromium -------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def jupyterlab(wheel_python, tmp_path_factory):
    """URL of a plain JupyterLab running in the wheel-only venv (its own Python as the only
    kernel), serving a folder with nothing but the downloaded notebooks."""
    work = tmp_path_factory.mktemp("jupyterlab")
    root = work / "class"
    root.mkdir()
    for notebook in NOTEBOOKS:
        target = root / f"{notebook}.ipynb"
        target.parent.mkdir(exist_ok=True)
        shutil.copy(notebook_file(notebook), target)
    # Every cell stays in the page (JupyterLab otherwise renders only what is on screen).
    tracker = work / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    port = _free_port()
    env = _clean_env(JUPYTER_PATH=str(work / "jupyter"), JUPYTER_CONFIG_DIR=str(work / "config"),
                     JUPYTER_RUNTIME_DIR=str(work / "runtime"),
                     JUPYTERLAB_SETTINGS_DIR=str(work / "settings"),
                     JUPYTERLAB_WORKSPACES_DIR=str(work / "workspaces"))
    log = open(work / "jupyterlab.log", "w")
    server = subprocess.Popen(
        [str(wheel_python), "-m", "jupyterlab", "--allow-root", "--no-browser", f"--port={port}",
         "--ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.password=",
         f"--ServerApp.root_dir={root}",
         # window.jupyterapp, so the test can read each cell's execution count from the model
         "--LabApp.expose_app_in_browser=True"], cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"JupyterLab did not start: {(work / 'jupyterlab.log').read_text()[-2000:]}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


# What the page shows: charts drawn (Vega view or static image), the Markdown, error outputs.
_READ_STATE = """() => {
  const outputs = Array.from(document.querySelectorAll('.jp-OutputArea-output'));
  const drawn = outputs.filter(o => {
    const view = o.querySelector('.vega-embed canvas, .vega-embed svg.marks, img');
    return view && view.getBoundingClientRect().width > 100;
  }).length;
  const markdown = Array.from(document.querySelectorAll('.jp-MarkdownOutput'))
    .map(m => m.innerText).join('\\n');
  const errors = outputs.filter(o => o.matches('[data-mime-type="application/vnd.jupyter.stderr"]')
    || o.querySelector('.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')
    || /Traceback|Error:|Javascript Error/.test(o.innerText)).map(o => o.innerText.slice(0, 300));
  return {drawn, markdown, errors};
}"""


# Every code cell has run (an execution count) and the kernel is idle again.
_ALL_RUN = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = Array.from(panel.content.model.cells).filter(c => c.type === 'code');
  return cells.length > 0 && cells.every(c => c.executionCount !== null)
    && panel.sessionContext.session.kernel.status === 'idle';
}"""


def _state(page) -> dict:
    return page.evaluate(_READ_STATE)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("chapter", NOTEBOOKS)
def test_edition_in_jupyterlab_as_downloaded_and_after_run_all(chapter, jupyterlab, browser):
    expected = web_chart_count(chapter, shown=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{jupyterlab}/lab/workspaces/{chapter.replace('/', '-')}/tree/{chapter}.ipynb?reset")
        page.wait_for_selector(".jp-Notebook .jp-MarkdownOutput", timeout=90_000)
        page.wait_for_function(f"() => ({_READ_STATE})().drawn >= {expected}", timeout=60_000)
        state = _state(page)
        assert state["drawn"] == expected, "charts as downloaded"
        assert not RAW_MYST.search(state["markdown"]), RAW_MYST.search(state["markdown"])
        assert not state["errors"], state["errors"]
        # Opening changes nothing: a teacher who closes it is not asked to save.
        page.wait_for_timeout(1500)
        assert not page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.dirty"), \
            "the notebook opens as modified"

        # Run All, as a student would: the "Run" menu, then "Run All Cells".
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)
        page.click(".lm-MenuBar-itemLabel:text-is('Run')")
        page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
        page.wait_for_function(_ALL_RUN, timeout=300_000)
        # Run All reproduces every chart, a solution's too (it then shows below the solution).
        total = web_chart_count(chapter)
        page.wait_for_function(f"() => ({_READ_STATE})().drawn >= {total}", timeout=60_000)
        state = _state(page)
        assert state["drawn"] == total, "charts after Run All"
        assert not state["errors"], state["errors"]
        assert not RAW_MYST.search(state["markdown"])
    finally:
        page.close()


@pytest.mark.slow
@pytest.mark.parametrize("chapter", NOTEBOOKS)
def test_nbconvert_html_export_shows_every_chart(chapter, wheel_python, tmp_path):
    subprocess.run([str(wheel_python), "-m", "nbconvert", "--to", "html", "--output-dir", str(tmp_path),
                    str(notebook_file(chapter))], check=True, capture_output=True)
    exported = (tmp_path / f"{_edition_of(chapter)[1]}.html").read_text(encoding="utf-8")
    assert exported.count('src="data:image/png;base64,') == web_chart_count(chapter)
