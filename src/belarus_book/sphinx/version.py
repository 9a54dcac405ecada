"""The book's version in every page's footer and in ``html_context["book_version"]``: one
place, ``version`` in pyproject.toml, read through the installed package's metadata."""

from __future__ import annotations

import html

from sphinx.application import Sphinx

from ..i18n import tr
from ..web.layout import book_version


def add_version(app: Sphinx, config) -> None:
    version = book_version()
    # In the edition's language (belarus_book.sphinx.editions sets it first): "Version" in German.
    note = f'<p class="bb-version">{tr("Edition")} {html.escape(version)}</p>'
    options = dict(config.html_theme_options or {})
    options["extra_footer"] = (options.get("extra_footer") or "") + note
    config.html_theme_options = options
    config.html_context = {**(config.html_context or {}), "book_version": version}
    if not config.version:
        config.version = config.release = version
