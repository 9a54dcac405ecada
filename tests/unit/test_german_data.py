"""The German columns of the data: every text a reader sees in a table, also in German.

The German edition shows a German column in place of its English twin (``title_de`` for
``title_en``, ``claimant_de`` for ``claimant``; see :func:`belarus_book.i18n.text_of`), so a
German cell must be filled exactly where its twin is: an empty one would show a blank, a
filled one under an empty twin text the English edition does not have. ``excerpt_de`` is
different: our German rendering of an excerpt that is not German, by its source's
``language``; German excerpts stand as they are in the German edition.
"""
from __future__ import annotations

import json
import re

import pytest

from belarus_book.text.sources import SOURCE_ID

from ..helpers import DATA, read_csv

#: Each table with German columns, and the English columns a reader sees that need a twin.
GERMAN_TEXT = {
    "arguments": ["argument_en", "claimant", "note"],
    "economy": ["indicator", "unit", "claimant", "note"],
    "events": ["date_resolution", "title_en", "description_en", "claimant", "note"],
    "figures": ["measure", "unit", "claimant", "counts_what", "note"],
    "organisations": ["name_en", "note"],
    "people": ["name", "role_en", "note"],
    "places": ["name_en", "note"],
    "political_prisoners": ["counter", "claimant", "note"],
    "polls": ["pollster", "method", "question_en", "answer_en", "claimant", "note"],
    "quotes": ["date_resolution", "occasion_en", "claimant", "note"],
    "sources": ["outlet", "author", "cite_as", "short_name", "caution", "claim_caution", "note"],
    "support": ["item_en", "claimant", "note"],
}
#: A German cell that equals its English twin and has this many words in lower case was left
#: untranslated (names such as "Jakob Wöllenstein (Konrad-Adenauer-Stiftung)" or "Centre for
#: Information Resilience (Eyes on Russia)" rightly stand the same in both editions).
COPY_LOWER_WORDS = 3


def english_of(german: str, header: list[str]) -> str:
    """The English twin of a German column in ``header``: ``title_de`` -> ``title_en``,
    ``claimant_de`` -> ``claimant``."""
    base = german.removesuffix("_de")
    return f"{base}_en" if f"{base}_en" in header else base


def source_languages() -> dict[str, str]:
    _, rows = read_csv(DATA / "sources.csv")
    return {r["source_id"]: r["language"] for r in rows}


def schema_fields(table: str) -> dict[str, dict]:
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == table)
    return {f["name"]: f for f in resource["schema"]["fields"]}


def german_columns(header: list[str]) -> list[str]:
    return [c for c in header if c.endswith("_de") and c != "excerpt_de"]


def excerpt_columns(header: list[str]) -> list[str]:
    """["excerpt_de"] for a table of excerpts; none for the sources table, which has none."""
    return ["excerpt_de"] if "excerpt" in header else []


def lower_case_words(text: str) -> list[str]:
    """The words of ``text`` written in lower case ("for", "given"; not "wri/global-power")."""
    return [w for w in (t.strip(".,;:()'\"“”„‘’") for t in text.split()) if re.fullmatch(r"[a-z]{2,}", w)]


@pytest.mark.parametrize("table", sorted(GERMAN_TEXT))
def test_every_text_column_has_a_german_twin_right_after_it(table):
    header, _ = read_csv(DATA / f"{table}.csv")
    wanted = GERMAN_TEXT[table]
    missing = [c for c in wanted if f"{c.removesuffix('_en')}_de" not in header]
    assert not missing, f"{table}.csv: no German column for {missing}"
    for german in german_columns(header) + excerpt_columns(header):
        english = "excerpt_en" if german == "excerpt_de" else english_of(german, header)
        assert english in header, f"{table}.csv: {german} has no English twin {english}"
        assert header.index(german) == header.index(english) + 1, \
            f"{table}.csv: {german} should stand right after {english}"


@pytest.mark.parametrize("table", sorted(GERMAN_TEXT))
def test_german_text_is_filled_exactly_where_the_english_is(table):
    header, rows = read_csv(DATA / f"{table}.csv")
    key = header[0]
    problems = []
    for german in german_columns(header):
        english = english_of(german, header)
        for line, row in enumerate(rows, start=2):
            has_en, has_de = bool(row[english].strip()), bool(row[german].strip())
            if has_en != has_de:
                problems.append(f"{table}.csv line {line} ({row[key]}): {german} "
                                + ("empty where " if has_en else "filled where no ") + f"{english}")
        assert any(r[german] != r[english] for r in rows if r[english]), \
            f"{table}.csv: {german} is a copy of {english}"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("table", sorted(GERMAN_TEXT))
def test_excerpt_de_exactly_where_the_excerpt_is_not_german(table):
    header, rows = read_csv(DATA / f"{table}.csv")
    if not excerpt_columns(header):
        pytest.skip(f"{table} holds no excerpts")
    key = header[0]
    languages = source_languages()
    problems = []
    for line, row in enumerate(rows, start=2):
        german_source = languages[row["source_id"]] == "de"
        has_de = bool(row["excerpt_de"].strip())
        if german_source and has_de:
            problems.append(f"{table}.csv line {line} ({row[key]}): excerpt_de filled, "
                            f"but the excerpt is German ({row['source_id']})")
        elif not german_source and not has_de:
            problems.append(f"{table}.csv line {line} ({row[key]}): no excerpt_de for an excerpt in "
                            f"{languages[row['source_id']]!r} ({row['source_id']})")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("table", sorted(GERMAN_TEXT))
def test_german_text_names_the_same_source_ids(table):
    # Our notes name a source by its id where the English does (the book shows its name
    # instead, text.name_sources); the German may not add or drop one.
    header, rows = read_csv(DATA / f"{table}.csv")
    key = header[0]
    problems = []
    for german in german_columns(header):
        english = english_of(german, header)
        for line, row in enumerate(rows, start=2):
            ids_en = sorted(m.group(1) for m in SOURCE_ID.finditer(row[english]))
            ids_de = sorted(m.group(1) for m in SOURCE_ID.finditer(row[german]))
            if ids_en != ids_de:
                problems.append(f"{table}.csv line {line} ({row[key]}) {german}: ids {ids_de}, "
                                f"{english} has {ids_en}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("table", sorted(GERMAN_TEXT))
def test_german_columns_are_described_like_their_twins(table):
    header, _ = read_csv(DATA / f"{table}.csv")
    fields = schema_fields(table)
    for german in german_columns(header) + excerpt_columns(header):
        english = "excerpt_en" if german == "excerpt_de" else english_of(german, header)
        field, twin_field = fields[german], fields[english]
        assert field.get("description"), f"{table}: {german} has no description"
        assert field.get("type", "string") == twin_field.get("type", "string"), f"{table}: {german}"
        required = field.get("constraints", {}).get("required", False)
        twin_required = german != "excerpt_de" and twin_field.get("constraints", {}).get("required", False)
        assert required == twin_required, f"{table}: {german} required={required}, {english} {twin_required}"


@pytest.mark.parametrize("table", sorted(GERMAN_TEXT))
def test_no_german_cell_is_its_english_twin_copied(table):
    header, rows = read_csv(DATA / f"{table}.csv")
    key = header[0]
    copies = [f"{row[key]}.{german}: {row[german]!r}" for german in german_columns(header) for row in rows
              if row[german] == row[english_of(german, header)]
              and len(lower_case_words(row[german])) >= COPY_LOWER_WORDS]
    assert not copies, f"{table}.csv: German cells that are their English twin word for word: {copies}"
