"""The theme's icons as a small stylesheet instead of Font Awesome.

pydata-sphinx-theme draws its icons with the Font Awesome kit (1.5 MB of JavaScript, 543 KB
compressed) and, for the icons its stylesheets put in ``::before``/``::after`` (admonition
titles, breadcrumbs, download links), with the Font Awesome webfont (156 KB). The book's
pages use about twenty icons. Before the first page is written this module writes
``_static/icons.css``:

- every ``fa-*`` icon class the theme templates can write (about twenty), as the icon's SVG
  path used as a mask over the text colour (so icons follow dark mode and the colour of
  their button);
- every theme rule that shows a Font Awesome character, with the same character as a mask.

The shapes come from the theme's own copy of the kit (its solid style), so they are the
icons the theme would have drawn. The layout template (``_templates/layout.html``) stops
loading the kit; the webfont is then never fetched because no text uses it any more.
"""

from __future__ import annotations

import re
import weakref
from pathlib import Path
from urllib.parse import quote

import pydata_sphinx_theme
import sphinx_book_theme
import sphinx_exercise
from sphinx.application import Sphinx

from ..web.layout import SLIM_CSS_SUFFIX

CSS_NAME = "icons.css"
KIT = "scripts/fontawesome.js"
THEME_STATIC = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
# Stylesheets an extension copies into the site after the pages are written.
LATE_STYLESHEETS = [Path(sphinx_exercise.__file__).parent / "assets" / "html" / "exercise.css"]

# One icon of the kit: name: [width, height, [aliases], "codepoint", "svg path"]
_ICON = re.compile(r'(?:"([\w-]+)"|(\w+)):\[(\d+),(\d+),\[([^\]]*)\],"([0-9a-f]+)","([^"]+)"\]')
_ICON_NAME = re.compile(r"\bfa-([a-z0-9]+(?:-[a-z0-9]+)*)")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CONTENT = re.compile(r'content:\s*(?:var\(\s*(--pst-[\w-]+)\s*\)|"\\(f[0-9a-f]{3})")')
_ICON_VAR = re.compile(r'(--pst-[\w-]+):\s*(?:var\(\s*(--pst-[\w-]+)\s*\)|"(?:\\)?([^"]*)")')


class Icon:
    def __init__(self, width: int, height: int, code: str, path: str) -> None:
        self.width, self.height, self.code, self.path = width, height, code, path

    def mask(self) -> str:
        svg = (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {self.width} {self.height}'>"
               f"<path d='{self.path}'/></svg>")
        return f'url("data:image/svg+xml,{quote(svg, safe=" =:/,.-")}")'


def solid_icons(kit_js: str) -> tuple[dict[str, Icon], dict[str, Icon]]:
    """The kit's solid icons by name (aliases included) and by codepoint."""
    # The kit registers its packs in turn, brands, regular, then solid: d("fas", p).
    solid = kit_js[kit_js.index('d("far",p)'):kit_js.index('d("fas",p)')]
    by_name, by_code = {}, {}
    for quoted, bare, width, height, aliases, code, path in _ICON.findall(solid):
        icon = Icon(int(width), int(height), code, path)
        by_code[code] = icon
        for name in [quoted or bare, *re.findall(r'"([\w-]+)"', aliases)]:
            by_name[name] = icon
    return by_name, by_code


def character_rules(css: str) -> list[tuple[str, str]]:
    """(selector, codepoint) of each rule outside the ``.fa-*`` classes that shows an icon
    character, directly or through the theme's ``--pst-icon-*`` variables."""
    css = _COMMENT.sub("", css)
    variables = {name: (ref, char) for name, ref, char in _ICON_VAR.findall(css)}

    def resolve(name: str) -> str | None:
        while name in variables:
            ref, char = variables[name]
            if not ref:
                return f"{ord(char):x}" if len(char) == 1 else char or None
            name = ref
        return None

    rules = []
    for selector, body in _RULE.findall(css):
        found = _CONTENT.search(body)
        if not found or selector.lstrip().startswith((".fa-", ".fa,", "@", ":")):
            continue
        code = found.group(2) or resolve(found.group(1))
        if code:
            rules.append((selector.strip(), code))
    return rules


# font-family: the theme's icon font would still be fetched for the empty line of text
# each icon makes, only for its metrics.
_BASE = ("content:\"\";font-family:inherit;display:inline-block;box-sizing:content-box;"
         "height:1em;vertical-align:-.125em;"
         "background-color:currentColor;-webkit-mask:center/contain no-repeat;"
         "mask:center/contain no-repeat;-webkit-mask-origin:content-box;mask-origin:content-box;"
         "print-color-adjust:exact;-webkit-print-color-adjust:exact")


def stylesheet(classes: set[str], rules: list[tuple[str, str]],
               by_name: dict[str, Icon], by_code: dict[str, Icon]) -> str:
    used = sorted(name for name in classes if name in by_name)
    drawn = [(selector, by_code[code]) for selector, code in rules if code in by_code]
    # Each shape is written once, as a variable; rules name it.
    shapes = {icon.code: icon for icon in [by_name[n] for n in used] + [i for _, i in drawn]}
    class_selectors = ",".join(f".fa-{name}::before" for name in used)
    drawn_selectors = ",".join(selector for selector, _ in drawn)
    lines = ["/* Written by belarus_book.sphinx.icons: Font Awesome Free icons (CC BY 4.0), "
             "https://fontawesome.com/license/free */",
             ":root{" + ";".join(f"--bb-icon-{code}:{shapes[code].mask()}" for code in sorted(shapes)) + "}"]
    if used:
        lines.append(",".join(f".fa-{name}" for name in used) + "{font-family:inherit}")
        lines.append(f"{class_selectors}{{{_BASE}}}")
    if drawn:
        lines.append(f"{drawn_selectors}{{{_BASE};width:1em}}")

    def mask(icon: Icon) -> str:
        return f"-webkit-mask-image:var(--bb-icon-{icon.code});mask-image:var(--bb-icon-{icon.code})"

    for name in used:
        icon = by_name[name]
        lines.append(f".fa-{name}::before{{width:{icon.width / icon.height:.4g}em;{mask(icon)}}}")
    for selector, icon in drawn:
        lines.append(f"{selector}{{content:\"\";{mask(icon)}}}")
    # The theme centres an admonition's icon character in the title's line, not in 1em.
    in_titles = ",".join(selector for selector, _ in drawn if "admonition-title" in selector)
    if in_titles:
        lines.append(f"{in_titles}{{height:1lh}}")
    # Windows' high-contrast themes replace background colours; keep the icons visible.
    every = ",".join(filter(None, [class_selectors, drawn_selectors]))
    if every:
        lines.append(f"@media (forced-colors:active){{{every}{{forced-color-adjust:none;"
                     "background-color:CanvasText}}")
    return "\n".join(lines) + "\n"


def template_icons(app: Sphinx) -> set[str]:
    """Every ``fa-*`` name in the themes' templates and code (the book theme's header
    buttons are built in Python) and in the book's own templates."""
    roots = [Path(pydata_sphinx_theme.__file__).parent, Path(sphinx_book_theme.__file__).parent,
             *(Path(app.srcdir) / path for path in app.config.templates_path)]
    return {name for root in roots for path in sorted(root.rglob("*"))
            if path.suffix in (".html", ".py")
            for name in _ICON_NAME.findall(path.read_text(encoding="utf-8"))}


_written = weakref.WeakSet()


def write_stylesheet(app: Sphinx, pagename: str, context: dict) -> None:
    # At the first page: the static files are copied by then, and every page's link to the
    # stylesheet carries the checksum of this build's copy.
    if app.builder in _written:
        return
    _written.add(app.builder)
    static = Path(app.outdir) / "_static"
    by_name, by_code = solid_icons((THEME_STATIC / KIT).read_text(encoding="utf-8"))
    # The themes' and extensions' stylesheets as Sphinx copied them, and sphinx-exercise's
    # from its package: it copies its own only when the build has finished. In one order
    # by name, wherever each was read from, so the first build and a later one (which finds
    # exercise.css copied) write the same file (the PDFs printed from a site stay its own).
    # (Not the slim copies of the last build: they hold nothing the full ones do not.)
    styles = {p.relative_to(static).as_posix(): p for p in static.rglob("*.css")
              if p.name != CSS_NAME and not p.name.endswith(SLIM_CSS_SUFFIX)}
    for late in LATE_STYLESHEETS:
        styles.setdefault(late.name, late)
    rules = [rule for _, path in sorted(styles.items()) for rule in character_rules(path.read_text(encoding="utf-8"))]
    css = stylesheet(template_icons(app), rules, by_name, by_code)
    (static / CSS_NAME).write_text(css, encoding="utf-8")


def drop_kit(app: Sphinx, exception) -> None:
    # Nothing loads the kit any more; the offline zip need not carry its 3 MB.
    if exception is None and app.builder.format == "html":
        for leftover in (Path(app.outdir) / "_static").glob(f"{KIT}*"):
            leftover.unlink()

