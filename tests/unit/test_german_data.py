"""The German columns of the data (#27): every text a reader sees has its German twin.

The German edition reads ``X_de`` where the English one reads ``X`` (``title_en`` ->
``title_de``, ``claimant`` -> ``claimant_de``: :func:`belarus_book.i18n.text_of` and the
German pages' code), so a German cell must be filled exactly where its English twin is: an
empty one would show a blank, a stray one a text the English edition does not have.
Excerpts stand verbatim in both editions; German readers get our rendering (``excerpt_de``)
of those not in German, and German quotations stand as they are.

Each test runs over every table of the data package, so a table added without its German
columns fails here.
"""
from __future__ import annotations

import json
import re

import pytest

from ..helpers import DATA, read_csv

PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
TABLES = [r["name"] for r in PACKAGE["resources"] if "schema" in r]
#: English text columns a reader sees, besides those ending in ``_en``.
ENGLISH_TEXT = {"claimant", "note", "date_resolution", "counts_what", "measure", "unit", "indicator",
                "pollster", "method", "counter", "outlet", "author", "cite_as", "short_name", "caution",
                "claim_caution"}
#: A German cell that equals its English twin and has this many words in lower case was left
#: untranslated (names such as "Jakob Wöllenstein (Konrad-Adenauer-Stiftung)" or "Centre for
#: Information Resilience (Eyes on Russia)" rightly stand the same in both editions).
COPY_LOWER_WORDS = 3


def german(column: str) -> str:
    return f"{column.removesuffix('_en')}_de"


def english_columns(header: list[str]) -> list[str]:
    """The columns of ``header`` that need a German twin (the excerpt has its own rule)."""
    return [c for c in header if c in ENGLISH_TEXT or (c.endswith("_en") and c != "excerpt_en")]


def twins(header: list[str]) -> list[tuple[str, str]]:
    """(English, German) column pairs present in ``header``."""
    return [(c, german(c)) for c in header if not c.endswith("_de")
            and c not in ("excerpt", "excerpt_en") and german(c) in header]


def filled(value) -> bool:
    return bool(value and value.strip())


def lower_case_words(text: str) -> list[str]:
    """The words of ``text`` written in lower case ("for", "given"; not "wri/global-power")."""
    return [w for w in (t.strip(".,;:()'\"“”„‘’") for t in text.split()) if re.fullmatch(r"[a-z]{2,}", w)]


def source_languages() -> dict[str, str]:
    return {r["source_id"]: r["language"] for r in read_csv(DATA / "sources.csv")[1]}


@pytest.mark.parametrize("table", TABLES)
def test_every_english_text_has_a_german_twin_beside_it(table):
    header, _ = read_csv(DATA / f"{table}.csv")
    fields = {f["name"]: f for f in next(r for r in PACKAGE["resources"] if r["name"] == table)["schema"]["fields"]}
    needed = english_columns(header) + (["excerpt_en"] if "excerpt" in header else [])
    missing = [c for c in needed if (german(c) if c != "excerpt_en" else "excerpt_de") not in header]
    assert not missing, f"{table}.csv: no German column for {missing}"
    for c in needed:
        de = "excerpt_de" if c == "excerpt_en" else german(c)
        assert header.index(de) == header.index(c) + 1, f"{table}.csv: {de} does not follow {c}"
        assert fields[de].get("type", "string") == fields[c].get("type", "string"), f"{table}: {de}'s type"
        assert "German" in fields[de].get("description", ""), f"{table}: {de} is not described as German"


@pytest.mark.parametrize("table", TABLES)
def test_german_cells_are_filled_exactly_where_the_english_ones_are(table):
    header, rows = read_csv(DATA / f"{table}.csv")
    key = header[0]
    wrong = [f"{r[key]}: {en} {'filled' if filled(r[en]) else 'empty'}, {de} {'filled' if filled(r[de]) else 'empty'}"
             for r in rows for en, de in twins(header) if filled(r[en]) != filled(r[de])]
    assert not wrong, f"{table}.csv: " + "; ".join(wrong)


@pytest.mark.parametrize("table", TABLES)
def test_excerpts_not_in_german_and_only_those_have_a_german_rendering(table):
    header, rows = read_csv(DATA / f"{table}.csv")
    if "excerpt" not in header:
        pytest.skip(f"{table} holds no excerpts")
    assert "excerpt_de" in header, f"{table}.csv: no excerpt_de column"
    languages = source_languages()
    key = header[0]
    wrong = [f"{r[key]} ({languages[r['source_id']]}): excerpt_de {'filled' if filled(r['excerpt_de']) else 'empty'}"
             for r in rows if filled(r["excerpt"])
             and filled(r["excerpt_de"]) != (languages[r["source_id"]] != "de")]
    assert not wrong, f"{table}.csv, German excerpts stand as they are, others need excerpt_de: " + "; ".join(wrong)


@pytest.mark.parametrize("table", TABLES)
def test_german_cells_are_not_english_copies(table):
    header, rows = read_csv(DATA / f"{table}.csv")
    key = header[0]
    copies = [f"{r[key]}.{de}: {r[de]!r}" for r in rows for en, de in twins(header)
              if r[de] == r[en] and len(lower_case_words(r[de])) >= COPY_LOWER_WORDS]
    assert not copies, f"{table}.csv: German cells that are their English twin word for word: {copies}"
