"""The data package as a whole: listed, valid, and covering the five articles.

Run with -s to see the per-article coverage table.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from belarus_book.data import validate_package

from ..helpers import DATA, SHARED

SEEDS = SHARED / "seeds"
ARTICLES = [f"art-{i:03d}" for i in range(5)]
MIN_ROWS_PER_ARTICLE = 15

# Digit groups such as 35.000, 62'000, 19.12.2022 or 2020/21 (the slash splits it).
NUMBER = re.compile(r"\d[\d.'’]*\d|\d")
# Not facts: each seed opens with a crawl date line " date 2022-12"; it is stripped
# before extracting numbers. Nothing else is excluded - "24. November" is a fact.
DATE_LINE = re.compile(r"^\s*date \d{4}-\d{2}\s*")


def tables():
    out = {}
    for p in sorted(DATA.glob("*.csv")):
        with open(p, encoding="utf-8", newline="") as fh:
            out[p.stem] = list(csv.DictReader(fh))
    return out


def numbers(text: str) -> set[str]:
    return {re.sub(r"[.'’]", "", m) for m in NUMBER.findall(text)}


def test_every_csv_listed_and_every_resource_present():
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert pkg["profile"] == "data-package"
    tables = [r for r in pkg["resources"] if r["profile"] == "tabular-data-resource"]
    files = [r for r in pkg["resources"] if r["profile"] == "data-resource"]
    assert len(tables) + len(files) == len(pkg["resources"])
    listed = {r["path"] for r in tables}
    on_disk = {p.name for p in DATA.glob("*.csv")}
    assert listed == on_disk, f"not listed: {on_disk - listed}; listed but missing: {listed - on_disk}"
    for r in files:  # the base map: a file with its source and licence, no schema
        assert (DATA / r["path"]).is_file() and r["sources"] and r["licenses"], r["name"]
        assert all((DATA / lic["path"]).is_file() for lic in r["licenses"] if "://" not in lic["path"])
    for r in tables:
        assert r["name"] == Path(r["path"]).stem
        assert r["title"] and r["description"] and r["schema"]["fields"] and r["schema"]["primaryKey"]
        if r["name"] != "sources":
            refs = {fk["fields"]: fk["reference"]["resource"] for fk in r["schema"].get("foreignKeys", [])}
            assert refs.get("source_id") == "sources", r["name"]


def test_package_validates():
    validate_package(DATA)


def test_article_coverage():
    counts = defaultdict(Counter)
    for name, rows in tables().items():
        if name == "sources":
            continue
        for r in rows:
            counts[r["source_id"]][name] += 1
    names = sorted({n for c in counts.values() for n in c})
    print("\nrows per article source\n" + "source   " + " ".join(f"{n[:8]:>8}" for n in names) + "    total")
    for a in ARTICLES:
        print(f"{a}  " + " ".join(f"{counts[a][n]:>8}" for n in names) + f" {sum(counts[a].values()):>8}")
    thin = {a: sum(counts[a].values()) for a in ARTICLES if sum(counts[a].values()) < MIN_ROWS_PER_ARTICLE}
    assert not thin, f"articles with fewer than {MIN_ROWS_PER_ARTICLE} rows: {thin}"


def test_conflict_groups_show_both_sides():
    groups = defaultdict(list)
    for name, rows in tables().items():
        for r in rows:
            if r.get("conflict_group"):
                groups[r["conflict_group"]].append((name, r["source_id"], r.get("claimant", "")))
    assert groups, "no conflict groups at all"
    for g, members in groups.items():
        assert len(members) >= 2, f"{g}: only one row"
        sources = {s for _, s, _ in members}
        claimants = {c for _, _, c in members}
        assert len(sources) >= 2 or len(claimants) >= 2, f"{g}: all rows from one source and claimant"


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"needs ../shared/seeds beside the checkout ({SEEDS})")
@pytest.mark.parametrize("article", ARTICLES)
def test_every_number_in_the_article_is_in_the_data(article):
    seed = next(SEEDS.glob(f"{article[4:]}_*.txt"))
    text = DATE_LINE.sub("", seed.read_text(encoding="utf-8"), count=1)
    covered = set()
    for rows in tables().values():
        for r in rows:
            if r.get("source_id") == article:
                covered |= numbers(r.get("excerpt", "") + " " + r.get("headline", ""))
    missing = sorted(numbers(text) - covered)
    assert not missing, f"{article}: numbers in the article without a row quoting them: {missing}"
