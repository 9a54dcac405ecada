"""Slimmed code highlighting (belarus_book.sphinx.highlight) and the book's code colours.

The slimming may only drop markup that changes nothing on screen: every code cell a page
shows still reads exactly as in its notebook, and every span left draws differently from
plain code text in the site's own pygments.css, in light or dark mode.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from belarus_book.sphinx.highlight import slim_block, slim_code
from belarus_book.web.code_style import DARK, LIGHT

from .helpers import SITE, site_pages

STYLES = (LIGHT, DARK)
BLOCK = re.compile(r'<div class="highlight"><pre>(.*?)</pre></div>', re.S)


def text_of(code_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", code_html))


def test_plain_tokens_lose_their_spans_and_the_text_stays():
    code = ('<span></span><span class="n">chart</span><span class="o">=</span><span class="n">alt</span>'
            '<span class="o">.</span><span class="n">Chart</span><span class="p">(</span>'
            '<span class="s2">&quot;a&quot;</span><span class="p">)</span>  <span class="c1"># why</span>')
    slim = slim_block(code, STYLES)
    assert text_of(slim) == text_of(code)
    assert slim == 'chart=alt.Chart(<span class="s2">&quot;a&quot;</span>)  <span class="c1"># why</span>'


def test_markup_it_does_not_know_is_left_as_it_was():
    code = '<span class="hll"><span class="n">x</span></span>'
    assert slim_block(code, STYLES) == code
    assert slim_code('<div class="highlight"><pre>' + code + "</pre></div>", STYLES).count("<span") == 2


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


def test_the_site_uses_the_book_code_colours():
    base, looks = pygments_looks()
    assert base["light"] and base["dark"]
    # Operators and numbers in the text colour; strings and keywords coloured, in both modes.
    for cls in ("o", "mi", "nb", "kc"):
        assert not any(looks.get(cls, {}).values()), f".{cls} is coloured in pygments.css"
    for cls in ("s2", "k", "c1"):
        assert all(looks[cls].get(mode) for mode in ("light", "dark")), f".{cls} has no colour"


PAGES = site_pages()


@pytest.mark.parametrize("page_path", PAGES)
def test_every_span_left_in_the_code_draws_differently(page_path):
    _, looks = pygments_looks()
    page = (SITE / page_path).read_text(encoding="utf-8")
    for block in BLOCK.findall(page):
        classes = re.findall(r'<span class="([\w-]+)">', block)
        for cls in classes:
            assert any(looks.get(cls, {}).values()), f"{page_path}: a .{cls} span draws like plain text"
        # Neighbours that draw alike share one span.
        for first, second in re.findall(r'<span class="([\w-]+)">[^<]*</span><span class="([\w-]+)">', block):
            assert looks[first] != looks[second], f"{page_path}: .{first} and .{second} side by side"


CHAPTER_NOTEBOOKS = sorted((SITE / "_downloads" / "notebooks").rglob("*.ipynb")) if SITE.exists() else []


@pytest.mark.parametrize("notebook", CHAPTER_NOTEBOOKS, ids=lambda p: p.stem)
def test_every_shown_code_cell_reads_as_in_its_notebook(notebook):
    page_path = SITE / notebook.relative_to(SITE / "_downloads" / "notebooks").with_suffix(".html")
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


def rgb(hex_colour: str) -> str:
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return "rgb({}, {}, {})".format(*(int(value[i:i + 2], 16) for i in (0, 2, 4)))


@pytest.mark.browser
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_plain_code_text_has_the_code_style_text_colour(browser, site_url, mode):
    # Unwrapped tokens take the colour of their <pre>: it must be the style's own text
    # colour, which the dropped spans used to set, not the theme's body text colour.
    base, _ = pygments_looks()
    context = browser.new_context()
    page = context.new_page()
    try:
        page.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
        page.goto(site_url + "chapters/dependence.html", wait_until="load")
        colour = page.evaluate("() => getComputedStyle(document.querySelector('div.highlight > pre')).color")
        assert colour == rgb(base[mode])
    finally:
        context.close()
