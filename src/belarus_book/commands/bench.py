"""`make bench` (``python -m belarus_book bench``): the book's speed and size, measured in
one run and printed as a table.

Targets (issue 2): cold build <= 30 s and warm rebuild <= 3 s on a 2-core machine (venv
ready), every chapter page <= 100 KB of HTML, no chart script on pages without charts; 200
calls of ``load("sources")`` in <= 0.5 s (issue 26).
Measures a copy of the book in a temporary folder, so the real _build is left alone. Each
build is timed as `make book` runs it (a fresh `python -m belarus_book build`), imports
included. A chart page also loads its charts' specs from a file of its own
(_static/_charts/<page>.js, see belarus_book.web.chart_html): its size is shown beside the page.
Lighthouse's table says where it ran (issue 29): the load average when the bench started,
taken before its own builds raise it, and each page's CPU benchmark index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..web.layout import BUNDLE_PATH, CHART_SPECS_DIR, CHARTS_SCRIPT, site_dir
from . import chromium, lighthouse

COLD_TARGET_S = 30
WARM_TARGET_S = 3
PAGE_TARGET_KB = 100
# load() validates a table once per state of its files (issue 26): a chapter's many loads
# of one table cost little after the first.
LOADS = 200
LOADS_TARGET_S = 0.5


def timed_build(book: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "belarus_book", "build", str(book)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"bench: the build failed; fix it before measuring\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def chart_times(site: Path, pages: list[Path]) -> dict[str, tuple[int, float | None]]:
    """Per page: number of charts and milliseconds until all are drawn in Chromium."""
    if not chromium.chromium_available():
        return {}
    from playwright.sync_api import sync_playwright

    result = {}
    with chromium.serve(site) as url, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        for page_path in pages:
            page = browser.new_page()
            page.goto(url + page_path.relative_to(site).as_posix(), wait_until="load")
            charts = chromium.wait_for_charts(page)
            drawn = page.evaluate("() => window.bookChartsDrawnAt ?? null") if charts else None
            result[page_path.relative_to(site).as_posix()] = (charts, drawn)
            page.close()
        browser.close()
    return result


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER TARGET"


def build_rows(book: Path) -> list[tuple[str, str, str, str]]:
    """Cold and warm build times of ``book`` (it is built twice, in place)."""
    cold = timed_build(book)
    warm = timed_build(book)
    return [
        ("cold build (no _build, venv ready)", f"{cold:.1f} s", f"<= {COLD_TARGET_S} s",
         verdict(cold <= COLD_TARGET_S)),
        ("warm rebuild, no change", f"{warm:.1f} s", f"<= {WARM_TARGET_S} s", verdict(warm <= WARM_TARGET_S)),
    ]


def load_rows(book: Path) -> list[tuple[str, str, str, str]]:
    """How long :data:`LOADS` calls of ``load("sources")`` take, the first one included (but
    not importing pandas, which a chapter has done before it loads anything)."""
    import pandas  # noqa: F401

    from ..data import find_data_dir, load

    data_dir = find_data_dir(book)
    start = time.perf_counter()
    for _ in range(LOADS):
        load("sources", data_dir)
    took = time.perf_counter() - start
    return [(f'{LOADS} calls of load("sources")', f"{took:.2f} s", f"<= {LOADS_TARGET_S} s",
             verdict(took <= LOADS_TARGET_S))]


def page_rows(site: Path) -> list[tuple[str, str, str, str]]:
    """The Vega bundle's size, and each page's size and chart drawing time."""
    pages = chromium.html_pages(site)
    bundle, charts_script = (site / "_static" / BUNDLE_PATH, site / "_static" / CHARTS_SCRIPT)
    times = chart_times(site, pages)
    rows = [("charts script (one file for the site, on chart pages after load)",
             f"{charts_script.stat().st_size / 1024:.0f} KB", "", ""),
            ("Vega bundle (one file for the site, loaded when a reader reaches for a chart)",
             f"{bundle.stat().st_size / 1024:.0f} KB", "", "")]
    for page in pages:
        name = page.relative_to(site).as_posix()
        size_kb = page.stat().st_size / 1024
        specs = site / "_static" / CHART_SPECS_DIR / Path(name).with_suffix(".js")
        loads_vega = CHARTS_SCRIPT in page.read_text(encoding="utf-8")
        charts, drawn = times.get(name, (None, None))
        drawn_text = f", charts drawn at {drawn:.0f} ms" if drawn is not None else ""
        if specs.is_file():
            drawn_text += f"; specs file {specs.stat().st_size / 1024:.0f} KB"
        ok = size_kb <= PAGE_TARGET_KB and (loads_vega == bool(charts) or charts is None)
        rows.append((
            f"page {name} ({charts if charts is not None else '?'} charts{drawn_text})",
            f"{size_kb:.0f} KB",
            f"<= {PAGE_TARGET_KB} KB" + ("" if charts else ", no Vega"),
            verdict(ok),
        ))
    if not times:
        rows.append(("chart drawing times", "skipped", "needs Debian's chromium", ""))
    return rows


def run(source: Path) -> int:
    """Measure a copy of the book at ``source`` and print the table (rows of: what, value,
    target, verdict). Each part of the measurement is one function returning its rows."""
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="book-bench-") as tmp:
        book = Path(tmp) / "book"
        shutil.copytree(source, book, ignore=chromium.COPY_IGNORE)
        rows = build_rows(book) + load_rows(book)
        rows += page_rows(site_dir(book))
        # On a phone (issue 18): Lighthouse, pinned by package-lock.json.
        phone = lighthouse.measure(site_dir(book), load) if lighthouse.available() else None

    width = max(len(r[0]) for r in rows)
    print(f"\n{'measure'.ljust(width)} | value    | target            | verdict")
    print(f"{'-' * width}-|----------|-------------------|--------")
    for what, value, target, ok in rows:
        print(f"{what.ljust(width)} | {value.ljust(8)} | {target.ljust(17)} | {ok}")
    print("\nLighthouse, mobile defaults, the site served compressed:\n")
    print(lighthouse.table(phone) if phone else f"skipped: {lighthouse.LIGHTHOUSE} missing (`npm ci`)")
    return 0
