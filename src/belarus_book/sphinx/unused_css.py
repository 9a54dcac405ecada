"""The theme's and the extensions' stylesheets without the rules no page of the site can use
(issue 29).

Every page links pydata-sphinx-theme's stylesheet, which carries all of Bootstrap's (397 KB,
65 KB compressed), and the stylesheets of sphinx-design, myst-nb and Sphinx itself. A browser
fetches and reads every one of them before it draws anything: on a phone over a slow line they
were most of the time before the first paint. Most of their rules style components the book
never shows (Bootstrap's carousels, badges, toasts, hundreds of utility classes).

After the build, each of those stylesheets keeps a rule only where one of its selectors could
match on some page: every class and id the selector names is a word of one of the site's pages
or scripts. The scripts count because they add classes as a reader uses the page (Bootstrap's
``show`` on an open menu, the search's ``highlighted``), and each such name is a word of the
script. A class named only inside ``:not()``, ``:is()``, ``:has()`` or an attribute selector
does not decide anything (such a selector stays); at-rules other than ``@media``,
``@supports`` and ``@layer`` (fonts, keyframes) stay whole. The book's own stylesheets
(``_static/`` and the icons) are left alone: they hold only what the book uses.

The slimmed copy of ``name.css`` is ``name.slim.css`` beside it, and every page links it
instead, by the checksum of what it holds: no browser keeps an older copy after a page starts
using a rule that was left out before. The full stylesheets stay in the site, unlinked, so
every build slims the theme's own files (not the last build's copies) and the full and the
slim stylesheets can be compared: ``tests/browser/test_unused_css.py`` compares, in Chromium,
every element's computed style with either, menus and search open, in both colour modes.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import tinycss2
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ..web.layout import SLIM_CSS_SUFFIX
from . import icons

_WORD = re.compile(r"[A-Za-z0-9_-]+")
# At-rules whose content is rules like the stylesheet's own.
_GROUPING = {"media", "supports", "layer"}
# Where the book keeps its own stylesheets (html_static_path).
BOOK_STATIC = "_static"


def site_words(outdir: Path) -> set[str]:
    """Every word of the site's pages and scripts: a superset of the classes and ids that
    can ever be on one of its elements."""
    words: set[str] = set()
    for path in outdir.rglob("*"):
        if path.suffix in (".html", ".js") and path.is_file():
            words.update(_WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return words


def _selectors(prelude: list) -> list[list]:
    """A rule's selector list, split at its top-level commas."""
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _names(selector: list) -> list[str]:
    """The classes and ids a selector names outside functions and attribute brackets (those
    are nested tokens, so a plain walk of the top level skips them)."""
    names = []
    for k, token in enumerate(selector):
        if token.type == "hash" and token.is_identifier:
            names.append(token.value)
        elif (token.type == "literal" and token.value == "." and k + 1 < len(selector)
              and selector[k + 1].type == "ident"):
            names.append(selector[k + 1].value)
    return names


def _slim_rules(rules: list, words: set[str], where: str) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "error":
            raise ExtensionError(f"{where}, line {rule.source_line}: cannot read this CSS "
                                 f"({rule.message}); the stylesheet was not slimmed")
        if rule.type == "qualified-rule":
            selectors = [tinycss2.serialize(s).strip() for s in _selectors(rule.prelude)
                         if all(name in words for name in _names(s))]
            if selectors:
                kept.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING and rule.content is not None:
            inner = _slim_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                         skip_whitespace=True), words, where)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        else:
            kept.append(tinycss2.serialize([rule]))
    return kept


def slim(css: str, words: set[str], where: str = "a stylesheet") -> str:
    """``css`` with the rules (and the selectors of a rule) that name a class or id not in
    ``words`` left out; comments go too. ``where`` names the file in an error."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "\n".join(_slim_rules(rules, words, where)) + "\n"


def slim_name(name: str) -> str:
    """Where the slimmed copy of the stylesheet ``name`` goes: ``a/b.css`` -> ``a/b.slim.css``."""
    return name.removesuffix(".css") + SLIM_CSS_SUFFIX


_LINKED = re.compile(r'href="[^"]*?_static/([^"?]+\.css)[?"]')


def theme_stylesheets(app: Sphinx) -> list[str]:
    """The stylesheets the site's pages link that come from the theme and the extensions,
    by their names in ``_static/``."""
    own = {p.name for p in (Path(app.confdir) / BOOK_STATIC).glob("*.css")} | {icons.CSS_NAME}
    linked = set()
    for page in Path(app.outdir).rglob("*.html"):
        linked.update(_LINKED.findall(page.read_text(encoding="utf-8")))
    # A page the build did not write again still links the last build's slim copy: its full
    # stylesheet is slimmed again too, so every build slims from the theme's own files.
    full = {name.removesuffix(SLIM_CSS_SUFFIX) + ".css" if name.endswith(SLIM_CSS_SUFFIX) else name
            for name in linked}
    return sorted(name for name in full if Path(name).name not in own)


def _link_slim_copies(outdir: Path, slimmed: dict[str, str]) -> None:
    """Every page's link to a slimmed stylesheet, to its slim copy by its checksum."""
    pattern = re.compile(r'_static/(' + "|".join(map(re.escape, slimmed))
                         + r')(?:\?(?:v|digest)=[0-9a-f]+)?"')
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = pattern.sub(lambda m: f'_static/{slim_name(m.group(1))}?v={slimmed[m.group(1)]}"', text)
        if new != text:
            page.write_text(new, encoding="utf-8")


def slim_theme_stylesheets(app: Sphinx, exception) -> None:
    """build-finished, after the other extensions have copied their files (priority 900)."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    words = site_words(outdir)
    slimmed = {}
    for name in theme_stylesheets(app):
        css = slim((outdir / "_static" / name).read_text(encoding="utf-8"), words, f"_static/{name}")
        (outdir / "_static" / slim_name(name)).write_text(css, encoding="utf-8")
        slimmed[name] = hashlib.sha256(css.encode()).hexdigest()[:8]
    if slimmed:
        _link_slim_copies(outdir, slimmed)
