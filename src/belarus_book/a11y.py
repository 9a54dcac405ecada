"""Sphinx extension: accessibility fixes for HTML that the stock extensions write into pages.

Checked by tests/test_a11y.py (axe-core, WCAG 2.0/2.1 A and AA). Theme templates are
overridden in ``_templates/`` and colours fixed in ``_static/a11y.css``; this module fixes
markup that comes from Python code rather than templates.

- myst-nb writes each hidden cell's toggle as ``<summary aria-label="Toggle hidden
  content">`` around the visible text "Show code cell source": the accessible name leaves
  out the visible label (WCAG 2.5.3 Label in Name, axe ``label-content-name-mismatch``), so a
  speech-input user saying "Show code cell source" cannot activate it. Without the
  aria-label the name is the visible text.
"""

from __future__ import annotations

from sphinx.application import Sphinx

MYST_NB_SUMMARY = '<summary aria-label="Toggle hidden content">'


def _fix_body(app: Sphinx, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and MYST_NB_SUMMARY in body:
        context["body"] = body.replace(MYST_NB_SUMMARY, "<summary>")


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _fix_body)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
