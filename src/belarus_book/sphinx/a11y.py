"""Fixes to the HTML that tools (not templates) write into the pages.

Checked by tests/browser/test_a11y.py (axe-core, WCAG 2.0/2.1 A and AA) and tests/site/test_html_valid.py
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
- sphinx-exercise wraps every exercise's and solution's text in a ``<section>`` without a
  heading, each with the same id (``exercise-content``, ``solution-content``): duplicate ids
  are errors and headingless sections warnings in the Nu checker. They become plain ``<div>``
  containers with a class instead.
"""

from __future__ import annotations

import re

from docutils import nodes
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


_EXERCISE_SECTIONS = {"exercise-content", "solution-content"}


def exercise_sections_to_containers(app: Sphinx, doctree, docname: str) -> None:
    for section in list(doctree.findall(nodes.section)):
        ids = set(section["ids"])
        if ids & _EXERCISE_SECTIONS:
            container = nodes.container(classes=sorted(ids & _EXERCISE_SECTIONS))
            container.extend(section.children)
            section.replace_self(container)
            container["ids"] = []  # replace_self copied the shared id over


def fix_body(body: str) -> str:
    body = _PANDAS_SCOPED_STYLE.sub("", body)
    for old, new in _FIXES:
        body = body.replace(old, new)
    return body


def fix_page(app: Sphinx, pagename: str, context: dict) -> None:
    if context.get("body"):
        context["body"] = fix_body(context["body"])
