"""The MyST-to-plain-Markdown conversion of the notebook edition, construct by construct."""

from __future__ import annotations

import pytest

from belarus_book.notebook_edition import References, format_glued, leftover_myst, plain_markdown

GLUED = {"n": "1437", "day": "'Monday 19 December 2022'", "share": "49.6"}


def refs(base_url: str = "") -> References:
    return References(
        docname="chapters/mobilisation", base_url=base_url,
        numrefs={"fig-mob-timeline": "Figure 4"}, refs={"sec-polls": "What Belarusians said"},
        terms={"union state": "appendix/glossary#term-Union-State"},
        titles={"appendix/data": "Data"})


def convert(text: str, base_url: str = "") -> str:
    out = plain_markdown(text, GLUED, refs(base_url))
    assert not leftover_myst(out), out
    return out


def test_glued_values_become_text_with_their_format():
    assert convert("Viasna counted {glue:text}`n:,` on {glue:text}`day`.") == \
        "Viasna counted 1,437 on Monday 19 December 2022."
    assert convert("{glue:}`share` percent") == "49.6 percent"
    assert format_glued("0.496", ".0%") == "50%"


def test_a_missing_glued_value_fails_loudly():
    with pytest.raises(KeyError, match="no glued value named 'missing'"):
        plain_markdown("{glue:text}`missing`", GLUED, refs())


def test_references_and_terms_become_text_or_links_to_the_published_book():
    text = ("See {numref}`fig-mob-timeline`, {ref}`sec-polls`, the {term}`Union State` and "
            "[the data](../appendix/data.md).")
    assert convert(text) == "See Figure 4, What Belarusians said, the Union State and the data."
    linked = convert(text, base_url="https://example.org/book/")
    assert "[Union State](https://example.org/book/appendix/glossary.html#term-Union-State)" in linked
    assert "[the data](https://example.org/book/appendix/data.html)" in linked
    assert convert("{doc}`../appendix/data`") == "Data"


def test_boxes_exercises_and_solutions_become_plain_markdown():
    text = """(sec-x)=
:::{admonition} Learning objectives
:class: tip
- one
:::

:::{exercise}
:label: ex-one
Count the rows.
:::

:::{solution} ex-one
:class: dropdown
There are {glue:text}`n`.
:::"""
    out = convert(text)
    assert out.startswith("> **Learning objectives**\n>\n> - one")
    assert "**Exercise 1**\n\nCount the rows." in out
    assert "<details>\n<summary>Solution to Exercise 1</summary>\n\nThere are 1437.\n\n</details>" in out
    assert "(sec-x)=" not in out


def test_leftover_myst_is_found():
    assert leftover_myst("a {eval}`x` here") and leftover_myst(":::{figure} x") \
        and not leftover_myst("plain text {with braces}")


def test_a_summarys_evidence_link_points_to_the_published_ledger_or_goes():
    text = "Rely on the CIA's count {claims}`fig-army-cia fig-army-iiss`."
    assert convert(text) == "Rely on the CIA's count."
    assert convert(text, base_url="https://example.org/book/") == (
        "Rely on the CIA's count ([evidence](https://example.org/book/appendix/claims.html"
        "?claims=fig-army-cia,fig-army-iiss)).")


def test_cells_the_page_removes_are_left_out_of_the_edition():
    import nbformat

    from belarus_book.notebook_edition import make_edition

    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# A chapter"),
        nbformat.v4.new_code_cell("bb.glue(n=3)", metadata={"tags": ["remove-cell"]}),
        nbformat.v4.new_code_cell("figures.head()", metadata={"tags": ["hide-input"]}),
    ])
    edition = make_edition(notebook, refs())
    assert [c.source for c in edition.cells] == ["# A chapter", "figures.head()"]
    assert edition.cells[1].metadata["jupyter"] == {"source_hidden": True}
    # what JupyterLab sets on opening is there already, so it opens unmodified
    assert edition.metadata["kernelspec"]["display_name"] == "Python 3 (ipykernel)"
