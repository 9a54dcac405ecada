"""No script holds up a page's first paint (issue 18).

Sphinx and the extensions (doctools, copybutton, togglebutton, sphinx-design, the book
theme's own script) put their scripts in the page head without ``defer``: on a phone each is
a round trip during which nothing is drawn. None of them needs to run before the page is
parsed (they wait for DOMContentLoaded or act on clicks), so they are deferred; deferred
scripts keep their order. Inline scripts stay as they are: they only set variables the
deferred scripts read when they run. The search page is left alone: the theme adds Sphinx's
search code to it as plain scripts that need doctools.js to have run already.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def defer_scripts(app: Sphinx, pagename: str, context: dict) -> None:
    scripts = context.get("script_files")
    if not scripts or pagename == "search":
        return
    context["script_files"] = [
        type(js)(js.filename, priority=js.priority, **{**js.attributes, "defer": "defer"})
        if getattr(js, "filename", None) and not {"async", "defer", "body"} & set(js.attributes)
        else js
        for js in scripts]

