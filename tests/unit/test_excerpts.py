"""Every excerpt stands verbatim in the source it names.

Article rows are checked against the seed articles in ../shared/seeds, context rows
against the `snippet` column of ../shared/context/context_facts.csv (or a passage of
the same page quoted in its `caution` column). Typography is
normalised (whitespace, quotation marks, dashes) so that only wording counts; an
excerpt may elide with "[…]" and each part must then appear in order.
"""
from __future__ import annotations

import csv
import re

import pytest

from ..helpers import DATA, SHARED

SEEDS = SHARED / "seeds"
CONTEXT = SHARED / "context" / "context_facts.csv"
ELISION = "[…]"

needs_shared = pytest.mark.skipif(
    not SEEDS.is_dir() or not CONTEXT.is_file(),
    reason=f"the verbatim check needs ../shared/seeds and ../shared/context beside the checkout (looked in {SHARED})",
)


def norm(text: str) -> str:
    text = re.sub(r"[„“”«»\"]", '"', text)
    text = re.sub(r"[‚‘’']", "'", text)
    text = re.sub(r"[–—]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def find_parts(excerpt: str, haystack: str) -> str | None:
    """None if every elided part occurs in order, else the first missing part."""
    hay, pos = norm(haystack), 0
    for part in excerpt.split(ELISION):
        p = norm(part)
        if not p:
            continue
        i = hay.find(p, pos)
        if i < 0:
            return part
        pos = i + len(p)
    return None


def _rows():
    """(table, key, source_id, text) for every excerpt and every article headline."""
    out = []
    for path in sorted(DATA.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            key = reader.fieldnames[0]
            for r in reader:
                if path.stem == "sources":
                    if r.get("headline"):
                        out.append(("sources.headline", r[key], r["source_id"], r["headline"]))
                elif "excerpt" in r:
                    out.append((path.stem, r[key], r["source_id"], r["excerpt"]))
    return out


ROWS = _rows()


def _texts():
    seeds = {f"art-{p.name[:3]}": p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    with open(CONTEXT, encoding="utf-8", newline="") as fh:
        # The `caution` column quotes further passages of the same stored page ("Same page:
        # '...'"); a figure that stands only there may cite that quotation as its excerpt.
        snippets = {r["fact_id"]: (r["snippet"], r["caution"]) for r in csv.DictReader(fh)}
    return seeds, snippets


@pytest.fixture(scope="module")
def texts():
    return _texts()


def test_norm_and_elision():
    assert norm("„a“ – «b»  ’c’") == "\"a\" - \"b\" 'c'"
    assert find_parts("a […] c", "a b c") is None
    assert find_parts("c […] a", "a b c") == " a"


@needs_shared
@pytest.mark.parametrize("table,key,source_id,excerpt", ROWS, ids=[f"{t}:{k}" for t, k, _, _ in ROWS])
def test_excerpt_is_verbatim(texts, table, key, source_id, excerpt):
    seeds, snippets = texts
    assert excerpt.strip(), f"{table} {key}: empty excerpt"
    if source_id.startswith("art-"):
        assert source_id in seeds, f"{table} {key}: no seed article for {source_id}"
        haystack, where = seeds[source_id], f"seed article {source_id}"
    else:
        assert source_id in snippets, f"{table} {key}: {source_id} is not in context_facts.csv"
        snippet, caution = snippets[source_id]
        if find_parts(excerpt, snippet) is None:
            return
        haystack, where = caution, f"snippet or caution of {source_id}"
    missing = find_parts(excerpt, haystack)
    assert missing is None, f"{table} {key}: not verbatim in {where}: {missing!r}"


def test_article_excerpts_are_german_with_translation():
    # Our translation is what English readers see; German evidence must never go untranslated.
    missing = [f"{t}:{k}" for t, k, s, _ in ROWS if s.startswith("art-") and t != "sources.headline"
               and not _excerpt_en(t, k)]
    assert not missing, f"article rows without excerpt_en: {missing}"


def _excerpt_en(table, key):
    with open(DATA / f"{table}.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        kcol = reader.fieldnames[0]
        for r in reader:
            if r[kcol] == key:
                return r.get("excerpt_en", "")
    return ""
