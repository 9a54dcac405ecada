"""The same syntax highlighting in far less HTML.

Pygments wraps every token of a code cell in its own ``<span class="…">``: a name, a dot, a
bracket, a space. In this theme most of those tokens are drawn exactly like plain code text
(names and punctuation in the text colour, in light and in dark mode), so half of a chapter's
page was markup that changes nothing on screen. This module rewrites each highlighted block
of a page: a token drawn like plain text loses its span, and neighbouring tokens drawn alike
share one span. The text, and what a reader sees in either colour mode, stay the same
(tests/site/test_highlight.py checks both against the site's own pygments.css).

It also sets the book's code colours (:mod:`belarus_book.web.code_style`) as the theme's
light and dark Pygments styles, unless the book's configuration names others.
"""

from __future__ import annotations

import re
from functools import cache

from pygments.formatters import HtmlFormatter
from sphinx.application import Sphinx

from ..web import code_style

# One rule of a Pygments stylesheet: ".highlight .k { color: #6730C5 }" (no class: the block).
_RULE = re.compile(r"^\.highlight(?: \.([\w-]+))? \{ ([^}]*) \}", re.M)
# A highlighted block as Sphinx writes it, and one token (or plain text) inside it.
_BLOCK = re.compile(r'(<div class="highlight"><pre>)(.*?)(</pre></div>)', re.S)
_TOKEN = re.compile(r'<span(?: class="([\w-]+)")?>([^<]*)</span>|([^<]+)')

Look = tuple  # a token's appearance: its CSS declarations beyond the block's own, per mode


def _declarations(text: str) -> dict[str, str]:
    pairs = (part.split(":", 1) for part in text.split(";") if ":" in part)
    return {key.strip(): value.strip() for key, value in pairs}


@cache
def _style_rules(style: str) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """(the block's declarations, each token class's declarations) of a Pygments style."""
    block: dict[str, str] = {}
    tokens: dict[str, dict[str, str]] = {}
    for match in _RULE.finditer(HtmlFormatter(style=style).get_style_defs(".highlight")):
        name, declarations = match.group(1), _declarations(match.group(2))
        if name is None:
            block = declarations
        else:
            tokens[name] = declarations
    return block, tokens


def token_look(token_class: str | None, styles: tuple[str, ...]) -> Look:
    """How a token class is drawn in each of ``styles``: the declarations that differ from
    the block's own text. Equal looks are indistinguishable on screen."""
    look = []
    for style in styles:
        block, tokens = _style_rules(style)
        own = tokens.get(token_class, {}) if token_class else {}
        look.append(tuple(sorted((k, v) for k, v in own.items()
                                 if not (k == "color" and v == block.get("color")))))
    return tuple(look)


def slim_block(code_html: str, styles: tuple[str, ...]) -> str:
    """The inside of one ``<pre>`` with plain-looking spans dropped and alike ones merged."""
    plain = token_look(None, styles)
    runs: list[tuple[str | None, Look, list[str]]] = []
    position = 0
    while position < len(code_html):
        match = _TOKEN.match(code_html, position)
        if match is None:
            return code_html  # markup this does not know (nested spans, line numbers): as it was
        position = match.end()
        token_class, text = (match.group(1), match.group(2)) if match.group(3) is None else (None, match.group(3))
        look = token_look(token_class, styles) if token_class else plain
        if runs and runs[-1][1] == look:
            runs[-1][2].append(text)
        else:
            runs.append((token_class, look, [text]))
    return "".join("".join(texts) if look == plain else f'<span class="{token_class}">{"".join(texts)}</span>'
                   for token_class, look, texts in runs)


def slim_code(body: str, styles: tuple[str, ...]) -> str:
    """``body`` with every highlighted block slimmed."""
    return _BLOCK.sub(lambda m: m.group(1) + slim_block(m.group(2), styles) + m.group(3), body)


def use_book_styles(app: Sphinx, config) -> None:
    options = dict(config.html_theme_options or {})
    options.setdefault("pygments_light_style", code_style.LIGHT)
    options.setdefault("pygments_dark_style", code_style.DARK)
    config.html_theme_options = options


def page_styles(app: Sphinx) -> tuple[str, str]:
    """The light and dark Pygments styles the theme writes into pygments.css."""
    options = app.builder.theme_options
    return options["pygments_light_style"], options["pygments_dark_style"]


def slim_page(app: Sphinx, pagename: str, context: dict) -> None:
    if context.get("body") and '<div class="highlight">' in context["body"]:
        context["body"] = slim_code(context["body"], page_styles(app))
