"""Slimmed code highlighting (belarus_book.sphinx.highlight): only markup that changes
nothing on screen is dropped (on the built site: tests/site/test_highlight.py)."""

from __future__ import annotations

from belarus_book.sphinx.highlight import slim_block, slim_code
from belarus_book.web.code_style import DARK, LIGHT

from ..helpers import text_of

STYLES = (LIGHT, DARK)


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
