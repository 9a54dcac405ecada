"""The two editions cannot drift apart (issue 27, item 5): a German page made from the English
code refuses a one-sided cell, and the build's comparison of what each edition drew and glued
names any one-sided change. tests/builds/test_edition_drift.py shows the same in a real build.
"""

from __future__ import annotations

import pytest

from belarus_book.i18n.german_source import EditionError, german_page
from belarus_book.sphinx.records import _differences

HEADER = "---\nkernelspec:\n  name: python3\n---\n\n"
ENGLISH = HEADER + """# A page

```{code-cell} ipython3
import belarus_book as bb
share = 57.5
```

Some prose.

```{code-cell} ipython3
:tags: [remove-cell]
bb.glue(share=share)
```
"""
GERMAN = HEADER + """# Eine Seite

```{code-cell} ipython3
```

Etwas Prosa.

```{code-cell} ipython3
:tags: [remove-cell]
```
"""


def make(german: str = GERMAN) -> str:
    return german_page(ENGLISH, german, {}, set(), "de/page.md")


def test_the_german_page_gets_the_english_code_and_speaks_german():
    page = make()
    assert "share = 57.5" in page and "bb.glue(share=share)" in page
    assert 'bb.set_language("de")' in page
    assert "Etwas Prosa." in page and "Some prose." not in page


@pytest.mark.parametrize("change, message", [
    (lambda g: g + "\n```{code-cell} ipython3\n```\n", "the English page has 2 code cells, the German page 3"),
    (lambda g: g.replace(":tags: [remove-cell]\n", ""), "code cell 2"),
    (lambda g: g.replace("```{code-cell} ipython3\n```", "```{code-cell} ipython3\nshare = 58\n```", 1),
     "holds code"),
])
def test_a_cell_changed_in_the_german_page_alone_stops_it(change, message):
    with pytest.raises(EditionError, match=message):
        make(change(GERMAN))


RECORD = {"chapters/a": {"labels": ["fig-a"], "glued": {"share": 57.5}, "charts": [[1.0, "2022-09-21"]],
                         "claims": ["fig-1"], "tables": ["figures"]},
          "index": {"labels": []}}


def german(**changes) -> dict:
    return {**RECORD, "chapters/a": {**RECORD["chapters/a"], **changes}}


def test_the_same_record_in_both_editions_is_no_drift():
    assert _differences(RECORD, german()) == []


@pytest.mark.parametrize("changes, key", [
    ({"glued": {"share": 58.0}}, "glued"),
    ({"charts": [[2.0, "2022-09-21"]]}, "charts"),
    ({"claims": []}, "claims"),
    ({"labels": ["fig-a", "fig-b"]}, "labels"),
])
def test_a_number_a_chart_a_claim_or_a_figure_in_one_edition_only_is_drift(changes, key):
    assert _differences(RECORD, german(**changes)) == [f"chapters/a: its {key} differ between the editions"]


def test_a_page_in_one_edition_only_is_drift():
    assert _differences(RECORD, {"index": {"labels": []}}) == ["chapters/a: in one edition only"]
