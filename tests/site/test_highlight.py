"""Slimmed code highlighting (belarus_book.sphinx.highlight) and the book's code colours.

The slimming may only drop markup that changes nothing on screen: every code cell a page
shows still reads exactly as in its notebook, and every span left draws differently from
plain code text in the site's own pygments.css, in light or dark mode.
"""

from __future__ import annotations

import json
import re

from belarus_book.web.layout import NOTEBOOK_DIR

from ..helpers import SITE, pygments_looks, text_of

BLOCK = re.compile(r'<div class="highlight"><pre>(.*?)</pre></div>', re.S)


def test_the_site_uses_the_book_code_colours():
    base, looks = pygments_looks()
    assert base["light"] and base["dark"]
    # Operators and numbers in the text colour; strings and keywords coloured, in both modes.
    for cls in ("o", "mi", "nb", "kc"):
        assert not any(looks.get(cls, {}).values()), f".{cls} is coloured in pygments.css"
    for cls in ("s2", "k", "c1"):
        assert all(looks[cls].get(mode) for mode in ("light", "dark")), f".{cls} has no colour"


def test_every_span_left_in_the_code_draws_differently(book_page):
    _, looks = pygments_looks()
    page = (SITE / book_page).read_text(encoding="utf-8")
    for block in BLOCK.findall(page):
        classes = re.findall(r'<span class="([\w-]+)">', block)
        for cls in classes:
            assert any(looks.get(cls, {}).values()), f"{book_page}: a .{cls} span draws like plain text"
        # Neighbours that draw alike share one span.
        for first, second in re.findall(r'<span class="([\w-]+)">[^<]*</span><span class="([\w-]+)">', block):
            assert looks[first] != looks[second], f"{book_page}: .{first} and .{second} side by side"


def test_every_shown_code_cell_reads_as_in_its_notebook(chapter_notebook):
    notebook = SITE / NOTEBOOK_DIR / chapter_notebook
    page_path = (SITE / chapter_notebook).with_suffix(".html")
    shown = {text_of(block).strip() for block in BLOCK.findall(page_path.read_text(encoding="utf-8"))}
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    checked = 0
    for cell in cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell["cell_type"] != "code" or {"remove-input", "remove-cell"} & set(tags):
            continue
        source = "".join(cell["source"]).strip()
        assert source in shown, f"{page_path.name}: a code cell is not shown as written:\n{source[:200]}"
        checked += 1
    assert checked, f"{page_path.name} shows no code cell: nothing was compared"
