"""What several test files share: the book's paths, CSV editing, builds of a copy of the
book, the built site's pages and opening a page in a colour mode. Fixtures are in conftest.py.
"""

from __future__ import annotations

import csv
import hashlib
import html
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin

from belarus_book.commands import chromium
from belarus_book.web.layout import NOTEBOOK_DIR, site_dir

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SITE = site_dir(ROOT)
SHARED = ROOT.parent / "shared"
IN_CI = bool(os.environ.get("CI"))


# pydata-sphinx-theme reads the reader's choice from localStorage before the page paints.
DARK_MODE_SCRIPT = "localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');"

# axe-core, pinned in package-lock.json (`npm ci`, run by `make test` and .ci/run).
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# --------------------------------------------------------------------------- CSV files
def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    """The header and the rows (as dicts) of a CSV file."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    """Write rows as the data folder's CSVs are written (UTF-8, \\n line ends); keys not in
    ``fields`` are left out."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def edit_csv_cell(path: Path, key_column: str, key: str, column: str, value: str) -> None:
    fields, rows = read_csv(path)
    matches = [r for r in rows if r[key_column] == key]
    assert matches, f"no row {key_column}={key!r} in {path.name}"
    matches[0][column] = value
    write_csv(path, fields, rows)


# --------------------------------------------------------------------------- builds
def run_build(book: Path) -> subprocess.CompletedProcess:
    """`make book`'s command on ``book`` (a copy of the book), in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "belarus_book", "build", str(book)],
        capture_output=True, text=True, cwd=book, timeout=600,
    )


def site_digest(book: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(site_dir(book).rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(book).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


# --------------------------------------------------------------------------- the built site
NO_SITE = f"no built site in {SITE}: run `make book` (make test builds first) before the tests that read it"


def site_built() -> bool:
    return (SITE / "index.html").exists()


def site_pages(*extra: str) -> list[str]:
    """The built site's pages (relative paths), plus those of ``extra`` that exist."""
    if not site_built():
        raise RuntimeError(NO_SITE)
    return ([p.relative_to(SITE).as_posix() for p in chromium.html_pages(SITE)]
            + [p for p in extra if (SITE / p).exists()])


def all_pages() -> list[str]:
    """Every page a reader can reach: the book's, and Sphinx's search and index pages."""
    return sorted(site_pages("genindex.html", "search.html"))


def chart_pages() -> list[str]:
    return [p for p in site_pages() if 'class="vega-chart"' in (SITE / p).read_text(encoding="utf-8")]


def chapter_pages() -> list[str]:
    return [p for p in site_pages() if p.startswith("chapters/")]


#: What a test can be parametrised by, named by the argument that receives it: the built
#: site's pages (book_page; site_page adds the search and index pages), those with charts,
#: the chapters, both (phone_page: what must fit a phone), and the chapters' notebook
#: editions (relative to NOTEBOOK_DIR). Worked out when a test asks for it
#: (conftest.pytest_generate_tests), not when its file is imported, so the suite collects
#: without a built site.
PAGE_SETS = {
    "book_page": site_pages,
    "site_page": all_pages,
    "chart_page": chart_pages,
    "chapter_page": chapter_pages,
    "phone_page": lambda: sorted(set(chapter_pages()) | set(chart_pages())),
    "chapter_notebook": lambda: sorted(p.relative_to(SITE / NOTEBOOK_DIR).as_posix()
                                       for p in (SITE / NOTEBOOK_DIR).rglob("*.ipynb")),
}


def text_of(code_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", code_html))


def pygments_looks() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """From the built pygments.css: each mode's text colour, and each class's declarations
    per mode (only those that differ from the text colour)."""
    css = (SITE / "_static" / "pygments.css").read_text(encoding="utf-8")
    base, looks = {}, {}
    for mode, cls, body in re.findall(
            r'html\[data-theme="(light|dark)"\] \.highlight(?: \.([\w-]+))? \{ ([^}]*) \}', css):
        declarations = dict(tuple(p.strip() for p in part.split(":", 1)) for part in body.split(";") if ":" in part)
        if not cls:
            base[mode] = declarations.get("color")
        else:
            looks.setdefault(cls, {})[mode] = declarations
    for modes in looks.values():
        for mode, declarations in modes.items():
            if declarations.get("color") == base.get(mode):
                declarations.pop("color")
    return base, looks


def open_in_mode(browser, url: str, mode: str, **context_options):
    """A new browser context and page showing ``url`` in light or dark mode, charts drawn;
    fails unless the page really is in that mode."""
    context = browser.new_context(**context_options)
    if mode == "dark":
        context.add_init_script(DARK_MODE_SCRIPT)
    page = context.new_page()
    page.goto(url, wait_until="load")
    chromium.wait_for_charts(page)
    theme = page.evaluate("document.documentElement.dataset.theme")
    assert theme == mode, f"page is in {theme!r} mode, expected {mode!r}"
    # Really dark (or light): the page background, not just the attribute.
    background = page.evaluate(
        "getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)"
    )
    luminance = sum(background) / 3
    assert (luminance < 80) if mode == "dark" else (luminance > 200), (mode, background)
    return context, page


# --------------------------------------------------------------------------- the download box
BOX = re.compile(r'<div class="admonition note bb-downloads"[^>]*>(.*?)</div>', re.S)
# The box's own links (other extensions may add items to the box, e.g. the print PDF,
# which `make pdf` makes after the HTML build; those are theirs to test).
HREF = re.compile(r'<a class="reference download" href="([^"]+)"')


def box_links(site: Path, page: str) -> list[str]:
    """The links of a chapter page's "Download this chapter" box."""
    body = (site / page).read_text(encoding="utf-8")
    boxes = BOX.findall(body)
    assert len(boxes) == 1, f"{page}: expected one 'Download this chapter' box, found {len(boxes)}"
    assert "Download this chapter" in boxes[0]
    return HREF.findall(boxes[0])


def resolve(site: Path, page: str, href: str) -> Path:
    """The file a relative link on ``page`` points to, as a browser on file:// would find it."""
    assert not re.match(r"^[a-z]+:|^/", href), f"{page}: link {href!r} is not relative"
    return (site / urljoin(page, unquote(href))).resolve()


# --------------------------------------------------------------------------- running notebooks
@dataclass
class NotebookRun:
    """A notebook executed in a fresh kernel in a folder of its own."""

    folder: Path
    returncode: int
    stderr: str

    @property
    def executed(self):
        import nbformat

        return nbformat.read(self.folder / "ran.ipynb", as_version=4)

    @property
    def record(self) -> dict:
        """What the chapter recorded it used: tables, sources, claims (the last cell prints
        it, see RECORD_CELL)."""
        import json

        last = self.executed.cells[-1]
        return json.loads("".join(o.get("text", "") for o in last.outputs))

    @property
    def claim_ids(self) -> set[str]:
        return set(self.record["claims"])


# Appended to each chapter's notebook: the tests compare what a chapter recorded it used
# (belarus_book.data.shown) with the ledger and the download box. It prints after
# everything the chapter itself runs.
RECORD_CELL = "from belarus_book.data.shown import SHOWN\nprint(SHOWN.as_json())"


def run_notebook(folder: Path, name: str) -> NotebookRun:
    """Execute ``folder/name`` (with RECORD_CELL appended) in a fresh kernel, in that
    folder, without BELARUS_BOOK_DATA; the result is ``folder/ran.ipynb``."""
    env = {k: v for k, v in os.environ.items() if k != "BELARUS_BOOK_DATA"}
    # nbclient (what myst-nb runs chapters with) in a separate process, so the kernel
    # starts fresh in that folder with that environment.
    run = (
        "import sys, nbformat, nbclient\n"
        "nb = nbformat.read(sys.argv[1], as_version=4)\n"
        f"nb.cells.append(nbformat.v4.new_code_cell({RECORD_CELL!r}))\n"
        "nbclient.NotebookClient(nb, timeout=300, kernel_name='python3').execute()\n"
        "nbformat.write(nb, 'ran.ipynb')\n"
    )
    result = subprocess.run([sys.executable, "-c", run, name],
                            cwd=folder, env=env, capture_output=True, text=True, timeout=900)
    return NotebookRun(folder, result.returncode, result.stderr)


def run_side_by_side(jobs: dict[str, Path]) -> dict[str, NotebookRun]:
    """{key: run} of each folder's one notebook, as many at a time as there are cores."""
    def one(folder: Path) -> NotebookRun:
        return run_notebook(folder, next(folder.glob("*.ipynb")).name)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return dict(zip(jobs, pool.map(one, jobs.values()), strict=True))
