"""The theme's icons without Font Awesome (belarus_book.sphinx.icons, issue 18): the shapes read
from the theme's kit, and a stylesheet of only the icons in use (drawn in the browser:
tests/browser/test_icons.py)."""

from __future__ import annotations

from belarus_book.sphinx import icons

KIT_JS = (icons.THEME_STATIC / icons.KIT).read_text(encoding="utf-8")


def test_the_kit_gives_the_solid_shapes():
    by_name, by_code = icons.solid_icons(KIT_JS)
    assert by_name["sun"] is by_code["f185"]
    assert by_name["search"] is by_name["magnifying-glass"]  # aliases
    assert (by_name["angle-right"].width, by_name["angle-right"].height) == (320, 512)
    # The regular style's sun is an outline; the solid one is the theme's.
    assert by_name["sun"].path.startswith("M361.5 1.2")


def test_rules_showing_an_icon_character_are_found_through_variables():
    css = (':root{--pst-icon-bell:"\\f0f3";--pst-icon-admonition-default:var(--pst-icon-bell)}'
           '/* .x{content:"\\f105"} */.fa-sun:before{content:"\\f185"}'
           '.admonition>.admonition-title:after{content:var(--pst-icon-admonition-default)}'
           'div.exercise p.admonition-title::after {\n  content: "\\f303";\n}')
    assert icons.character_rules(css) == [
        (".admonition>.admonition-title:after", "f0f3"),
        ("div.exercise p.admonition-title::after", "f303")]


def test_stylesheet_draws_only_the_icons_in_use():
    by_name, by_code = icons.solid_icons(KIT_JS)
    css = icons.stylesheet({"sun", "solid", "lg"}, [("a.x:before", "f105")], by_name, by_code)
    assert ".fa-sun::before{width:1em;" in css
    assert "a.x:before{content:\"\";" in css
    assert "--bb-icon-f185:url(" in css and "--bb-icon-f105:url(" in css
    assert css.count("--bb-icon-f") == 2 + 2 * 2  # two shapes, each named by two mask rules
    assert "fa-moon" not in css and "fa-solid::before" not in css
