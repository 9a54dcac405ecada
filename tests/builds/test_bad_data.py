"""Bad data, end to end: each kind of bad row stops `python -m belarus_book build` before
Jupyter Book starts, with a message naming the file, row and column, and the last good site
is left byte for byte as it was. And text from the data is always text: markup in a table
never runs on a page, in prose, tables or chart tooltips.

The bad-row tests are fast: the build script validates data first, so each runs on a copy
of the book whose _build/html holds just a copy of the real front page.
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

import pytest

from belarus_book.commands import chromium
from belarus_book.commands.chromium import COPY_IGNORE
from belarus_book.i18n.edition_tree import WORDS_DIR
from belarus_book.web.layout import GERMAN_DIR, site_dir

from ..helpers import ROOT, SITE, edit_csv_cell, read_csv, run_build, site_digest, write_csv


@pytest.fixture
def book(tmp_path) -> Path:
    """A copy of the book with a small "last good site" (the real front page, or a stand-in)."""
    book = tmp_path / "book"
    shutil.copytree(ROOT, book, ignore=COPY_IGNORE)
    site = site_dir(book)
    site.mkdir(parents=True)
    if (SITE / "index.html").exists():
        shutil.copyfile(SITE / "index.html", site / "index.html")
    else:
        (site / "index.html").write_text("<!doctype html><title>last good site</title>", encoding="utf-8")
    return book


def first_rows(book: Path, table: str) -> tuple[list[str], list[dict]]:
    fields, rows = read_csv(book / "data" / table)
    assert len(rows) >= 2, f"{table} needs two rows for these tests"
    return fields, rows


def break_unknown_source(book):
    fields, rows = first_rows(book, "events.csv")
    rows[0]["source_id"] = "art-999"
    write_csv(book / "data" / "events.csv", fields, rows)
    return "events.csv", 2, "source_id", "art-999"


def break_malformed_date(book):
    fields, rows = first_rows(book, "events.csv")
    rows[0]["date"] = "2022-13-45"
    write_csv(book / "data" / "events.csv", fields, rows)
    return "events.csv", 2, "date", "2022-13-45"


def break_non_numeric_value(book):
    fields, rows = first_rows(book, "figures.csv")
    rows[0]["value_low"] = "about forty thousand"
    write_csv(book / "data" / "figures.csv", fields, rows)
    return "figures.csv", 2, "value_low", None


def break_empty_excerpt(book):
    fields, rows = first_rows(book, "quotes.csv")
    rows[0]["excerpt"] = ""
    write_csv(book / "data" / "quotes.csv", fields, rows)
    return "quotes.csv", 2, "excerpt", None


def break_duplicate_key(book):
    fields, rows = first_rows(book, "events.csv")
    rows[1]["event_id"] = rows[0]["event_id"]
    write_csv(book / "data" / "events.csv", fields, rows)
    return "events.csv", 3, "event_id", rows[0]["event_id"]


def break_missing_column(book):
    fields, rows = first_rows(book, "events.csv")
    write_csv(book / "data" / "events.csv", [f for f in fields if f != "date"], rows)
    # A missing column has no row of its own: the message names the file and the column.
    return "events.csv", None, "date", None


@pytest.mark.parametrize("breaker", [
    break_unknown_source, break_malformed_date, break_non_numeric_value,
    break_empty_excerpt, break_duplicate_key, break_missing_column,
], ids=lambda f: f.__name__.removeprefix("break_"))
def test_bad_row_stops_the_build_and_names_file_row_column(book, breaker):
    before = site_digest(book)
    table, row, column, value = breaker(book)
    result = run_build(book)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert f"data/{table}" in output, output[-2000:]
    if row is not None:
        assert f"row {row}" in output, output[-2000:]
    assert f'"{column}"' in output, output[-2000:]
    if value is not None:
        assert value in output, output[-2000:]
    assert "Executing" not in output and "Running Jupyter-Book" not in output, "a chapter ran"
    assert "last good site" in output
    assert site_digest(book) == before, "a failed build changed _build/html"


# --- markup in the data never runs -----------------------------------------------------

PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
QUOTE_ID = "q-000-hot"
PROBE_PAGE = "chapters/zz-escaping-probe"
# A page in the copy that shows the poisoned rows in each way a chapter can: prose through
# bb.text.quotation, a table through pandas, and a chart tooltip through the renderer.
PROBE_SOURCE = f"""---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  name: python3
  display_name: Python 3
  language: python
---

# Escaping probe

```{{code-cell}} ipython3
import altair as alt
import belarus_book as bb
import belarus_book.text

bb.text.quotation("{QUOTE_ID}")
```

```{{code-cell}} ipython3
events = bb.load("events")
events.head(3)[["event_id", "title_en", "excerpt_en"]]
```

```{{code-cell}} ipython3
alt.Chart(events.head(3)).mark_circle(size=400).encode(
    x=alt.X("date:T", title="Date"), y=alt.Y("event_id:N", title="Event"),
    tooltip=["title_en:N", "excerpt_en:N"],
).properties(title="Probe", description="Three events as dots; hover a dot for its title and excerpt.")
```

```{{code-cell}} ipython3
bb.text.sources_list()
```
"""


# Its German counterpart (every page has one, or the build stops): German prose around one
# empty cell per English cell, which the German edition fills with the English code.
PROBE_SOURCE_DE = PROBE_SOURCE.split("# Escaping probe")[0] + "# Escaping-Probe\n" + (
    "\n```{code-cell} ipython3\n```\n" * PROBE_SOURCE.count("```{code-cell}"))
# Its code's German (de/code-strings/<page>.yml): what reads like prose needs an entry.
PROBE_WORDS_DE = '"Three events as dots; hover a dot for its title and excerpt.": "Drei Ereignisse als Punkte"\n'


@pytest.fixture(scope="module")
def poisoned_book(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("poisoned") / "book"
    shutil.copytree(ROOT, book, ignore=COPY_IGNORE)
    # In both editions' columns: the German edition shows the *_de ones.
    for column in ("excerpt_en", "excerpt_de"):
        edit_csv_cell(book / "data" / "quotes.csv", "quote_id", QUOTE_ID, column, "Quote " + PAYLOAD)
    fields, rows = read_csv(book / "data" / "events.csv")
    for row in rows[:3]:
        for lang in ("en", "de"):
            row[f"title_{lang}"] = "Title " + PAYLOAD
            row[f"excerpt_{lang}"] = "Excerpt " + PAYLOAD
    write_csv(book / "data" / "events.csv", fields, rows)
    anchor = "      - file: chapters/"
    for edition, source in (("", PROBE_SOURCE), (f"{GERMAN_DIR}/", PROBE_SOURCE_DE)):
        (book / f"{edition}{PROBE_PAGE}.md").write_text(source, encoding="utf-8")
        toc = book / edition / "_toc.yml"
        text = toc.read_text(encoding="utf-8")
        assert anchor in text, f"cannot find the chapters list in {edition}_toc.yml"
        toc.write_text(text.replace(anchor, f"      - file: {PROBE_PAGE}\n{anchor}", 1), encoding="utf-8")
    words = book / GERMAN_DIR / WORDS_DIR / f"{PurePosixPath(PROBE_PAGE).name}.yml"
    words.write_text(PROBE_WORDS_DE, encoding="utf-8")
    result = run_build(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return book


@pytest.mark.slow
@pytest.mark.browser
def test_markup_in_data_is_shown_as_text_and_never_runs(poisoned_book, browser):
    site = site_dir(poisoned_book)
    pages = [p.relative_to(site).as_posix() for p in chromium.html_pages(site)]
    assert f"{PROBE_PAGE}.html" in pages
    with chromium.serve(site) as url:
        for page_path in pages:
            context = browser.new_context()
            page = context.new_page()
            try:
                page.goto(url + page_path, wait_until="load")
                chromium.wait_for_charts(page)
                marks = page.locator(".vega-chart svg g.role-mark path, .vega-chart svg g.role-mark circle")
                tooltip_texts = []
                for i in range(min(marks.count(), 12)):  # the poisoned rows come first
                    if marks.nth(i).is_visible():
                        marks.nth(i).hover(force=True)
                        tip = page.locator("#vg-tooltip-element")
                        if tip.count():
                            tooltip_texts.append(tip.inner_text())
                assert page.evaluate("typeof window.__pwned") == "undefined", f"markup ran on {page_path}"
                if page_path == f"{PROBE_PAGE}.html":
                    body = page.locator("article").inner_text()
                    assert "Quote <script>window.__pwned=1</script>" in body, "quotation not shown as text"
                    assert "Title <script>window.__pwned=1</script>" in body, "table cell not shown as text"
                    assert any("<script>window.__pwned=1</script>" in t for t in tooltip_texts), (
                        f"tooltip does not show the markup as text: {tooltip_texts[:3]}"
                    )
            finally:
                context.close()
