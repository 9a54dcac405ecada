"""Sphinx extension: fixes to the HTML that tools (not templates) write into the pages.

Checked by tests/test_a11y.py (axe-core, WCAG 2.0/2.1 A and AA) and tests/test_html_valid.py
(the Nu Html Checker). Theme templates are overridden in ``_templates/`` and colours fixed in
``_static/a11y.css``; this module fixes markup that comes from Python code.

- myst-nb writes each hidden cell's toggle as ``<summary aria-label="Toggle hidden
  content">`` around the visible text "Show code cell source": the accessible name leaves
  out the visible label (WCAG 2.5.3 Label in Name, axe ``label-content-name-mismatch``), so a
  speech-input user saying "Show code cell source" cannot activate it. Without the
  aria-label the name is the visible text.
- pandas writes every DataFrame shown in a chapter with ``<style scoped>`` (an attribute HTML
  dropped) holding three ``.dataframe`` rules that reach outside the output, and with the
  obsolete ``border="1"``: both are errors or warnings in the Nu checker. The theme styles
  ``table.dataframe`` itself, so the boilerplate is removed. pandas' Styler adds a needless
  ``type="text/css"`` to its ``<style>``.
- sphinx-exercise gives every solution's content the same ``id="solution-content"``; ids
  must be unique in a page (Nu checker), so each gets a number.
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx

MYST_NB_SUMMARY = '<summary aria-label="Toggle hidden content">'
# The exact block pandas' DataFrame._repr_html_ writes before its table.
_PANDAS_SCOPED_STYLE = re.compile(
    r"<style scoped>\s*\.dataframe tbody tr th:only-of-type \{\s*vertical-align: middle;\s*\}"
    r"\s*\.dataframe tbody tr th \{\s*vertical-align: top;\s*\}"
    r"\s*\.dataframe thead th \{\s*text-align: right;\s*\}\s*</style>\s*"
)
_FIXES = [
    (MYST_NB_SUMMARY, "<summary>"),
    ('<table border="1" class="dataframe">', '<table class="dataframe">'),
    ('<style type="text/css">', "<style>"),
]


_SOLUTION_ID = 'id="solution-content"'


def _number_solution_ids(body: str) -> str:
    parts = body.split(_SOLUTION_ID)
    return parts[0] + "".join(f'id="solution-content-{n}"' + rest
                              for n, rest in enumerate(parts[1:], start=1))


def fix_body(body: str) -> str:
    body = _number_solution_ids(_PANDAS_SCOPED_STYLE.sub("", body))
    for old, new in _FIXES:
        body = body.replace(old, new)
    return body


def _fix_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if context.get("body"):
        context["body"] = fix_body(context["body"])


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _fix_page)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
