"""The built pages speak to readers, and mark their German.

1. No reader-facing text talks about our files: the visible text of every page (prose,
   captions, tables, chart descriptions, aria-labels) and the titles of every chart never say
   "context file", "snippet" or "caution column", and never show a row id such as `art-003`
   or `KD-04`, except inside a link to the Data page (where the evidence is). Code that a
   reader unfolds is code, not prose, and is not checked.
2. Every German excerpt a page shows sits inside an element with lang="de" (WCAG 3.1.2), so
   a screen reader reads it with German pronunciation.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString

from belarus_book.commands import chromium

from ..helpers import ROOT

DATA = ROOT / "data"

PHRASES = re.compile(r"context file|snippet|caution column", re.I)
ROW_ID = re.compile(r"\bart-\d{3}\b|\b(?:KD|MIL|PO|US|EC|PP|GEO|CO)-\d{2}\b")
# The Data page is where the evidence lives: ids there are the thing linked to.
DATA_PAGE = "appendix/data.html"
SKIP_TAGS = ("script", "style", "noscript", "template")



def _links_to_data_page(tag) -> bool:
    href = tag.get("href") or ""
    return tag.name == "a" and ("appendix/data" in href or href.startswith("data.html")
                                or href.startswith("#table-"))


def article(site: Path, page: str):
    """The page's article, without scripts and without the source of code cells."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    root = soup.select_one("article") or soup.body or soup
    for tag in root.find_all(SKIP_TAGS):
        tag.decompose()
    for tag in root.select("div.cell_input, details.above-input"):
        tag.decompose()
    return root


def reader_texts(site: Path, page: str) -> list[str]:
    """What a reader of ``page`` sees or hears: text outside links to the Data page,
    aria-labels, image alt texts, and the titles and descriptions of the page's charts."""
    root = article(site, page)
    texts = [str(s) for s in root.find_all(string=True)
             if not any(_links_to_data_page(a) for a in s.parents if a.name == "a")]
    for tag in root.find_all(attrs={"aria-label": True}):
        texts.append(tag["aria-label"])
    for tag in root.find_all("img", alt=True):
        texts.append(tag["alt"])
    for spec in chromium.chart_specs(site, site / page):
        texts.extend(chart_texts(spec))
    return texts


def chart_texts(spec) -> list[str]:
    """Titles, subtitles, axis and legend titles and the description of a chart spec."""
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("title", "subtitle", "description", "text") and not isinstance(value, dict):
                found.extend(value if isinstance(value, list) else [value])
            if key in ("datasets", "data", "tooltip"):
                continue  # the rows behind the marks; tooltips show their evidence verbatim
            found.extend(chart_texts(value))
    elif isinstance(spec, list):
        for item in spec:
            found.extend(chart_texts(item))
    return [t for t in found if isinstance(t, str)]


def test_pages_speak_to_readers_not_about_our_files(site, book_page):
    problems = []
    for text in reader_texts(site, book_page):
        flat = " ".join(text.split())
        for m in PHRASES.finditer(flat):
            problems.append(f"says {m.group(0)!r}: …{flat[max(0, m.start() - 60):m.end() + 40]}…")
        if book_page.removeprefix("de/") != DATA_PAGE:  # either edition's Data page
            for m in ROW_ID.finditer(flat):
                problems.append(f"shows row id {m.group(0)!r} as text: "
                                f"…{flat[max(0, m.start() - 60):m.end() + 40]}…")
    assert not problems, f"{book_page}:\n" + "\n".join(dict.fromkeys(problems))


def test_a_row_id_inside_a_link_to_the_data_page_is_allowed(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<article><p>See <a href="../appendix/data.html#table-figures">KD-04</a>.'
                    '</p><p>The taz (<code>art-002</code>).</p></article>', encoding="utf-8")
    texts = " ".join(reader_texts(tmp_path, "p.html"))
    assert "KD-04" not in texts and "art-002" in texts


# -- 2. German passages carry lang="de" ------------------------------------------------------

def _squash(text: str) -> str:
    return " ".join(text.split())


def german_excerpts() -> list[tuple[str, str]]:
    """(row id, a distinctive stretch of the excerpt) for every row from a German source."""
    with open(DATA / "sources.csv", encoding="utf-8", newline="") as fh:
        german = {r["source_id"] for r in csv.DictReader(fh) if r["language"] == "de"}
    out = []
    for path in sorted(DATA.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            key = reader.fieldnames[0]
            if "excerpt" not in reader.fieldnames:
                continue
            for row in reader:
                if row["source_id"] in german and row["excerpt"]:
                    first = _squash(row["excerpt"].split("[…]")[0])
                    # Skip the opening characters: a balanced display may add a quotation mark.
                    stretch = first[2:42].strip()
                    if len(stretch) >= 20:
                        out.append((row[key], stretch))
    return out


def _in_german(node) -> bool:
    for parent in node.parents:
        lang = parent.get("lang") if hasattr(parent, "get") else None
        if lang:
            return lang.lower().startswith("de")
    return False


@pytest.mark.leave_out(DATA_PAGE)
def test_german_passages_carry_lang_de(site, book_page):
    root = article(site, book_page)
    nodes = [n for n in root.find_all(string=True) if isinstance(n, NavigableString)]
    missing = []
    for row_id, stretch in german_excerpts():
        for node in nodes:
            if stretch in _squash(str(node)) and not _in_german(node):
                missing.append(f"{row_id}: “{stretch}…”")
                break
    assert not missing, f"{book_page}: German text without lang=\"de\":\n" + "\n".join(missing)
