"""The summary layer's rules, shared by tests/unit/test_summaries.py (bottom lines and
takeaways, read from the chapter sources) and tests/site/test_chart_titles.py (the titles of
the built charts). Summaries say no more than the claims they rest on (issue 25).

Bottom lines, key takeaways and chart titles are where a book says more than its sources.
Each bottom-line item and takeaway names the claims it rests on with ``{claims}`…```; chart
titles rest on the rows the chart draws. Checked against the claims ledger's statuses:

- an item under "rely on" rests only on claims on record or found in several sources;
- an item under "disputed" rests on claims the ledger marks disputed;
- a takeaway or chart title that states a claim says whose claim it is, unless every claim
  it rests on is on record;
- words that close a question ("only", "proves", "solid", "settled") appear only where
  every claim is on record or found in several sources.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from .helpers import DATA, ROOT, read_csv

CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))
CLAIMS = re.compile(r"\{claims\}`([^`]*)`")
FIRM = {"on record", "several sources"}
CLOSING = re.compile(r"\b(only|proves?|proven|solid|settled|certainly|undoubtedly|definitely|"
                     r"beyond doubt)\b", re.I)
#: Words that say whose claim a sentence states; names of people and outlets come from the data.
ATTRIBUTION_WORDS = (r"according to|says?|said|claims?|claimed|reports?|reported|told|writes|"
                     r"wrote|calls?|called|puts?|put it|in (?:his|her|its|their|\w+'s) (?:view|"
                     r"account|reading|words|telling)|by (?:his|her|its|their|\w+'s) account|"
                     r"announced|argues?|denied|denies|insists?|estimates?|counts?|quotes?")


@cache
def statuses() -> dict[str, str]:
    from belarus_book import claims

    frame = claims.ledger(chapters=False)
    return dict(zip(frame["claim_id"].astype(str), frame["status"], strict=True))


@cache
def _names() -> re.Pattern:
    words = set()
    for row in read_csv(DATA / "people.csv")[1]:
        words.update(w for w in re.split(r"\W+", row["name"]) if len(w) > 3)
    for row in read_csv(DATA / "sources.csv")[1]:
        words.update(w for w in re.split(r"[^\w.]+", row["short_name"]) if len(w) > 2)
    words |= {"unnamed", "outlet", "daily", "taz", "IISS", "CIA", "SIPRI", "Viasna", "BelTA",
              "Kremlin", "Moscow", "Minsk", "Kyiv", "government", "ministry", "survey"}
    plurals = {"official", "expert", "poll", "article", "source", "pollster"}
    pattern = "|".join([*sorted(map(re.escape, words)), *(f"{re.escape(w)}s?" for w in sorted(plurals))])
    return re.compile(rf"\b({pattern})\b", re.I)


def names_a_claimant(text: str) -> bool:
    return bool(re.search(ATTRIBUTION_WORDS, text, re.I) and _names().search(text)) or \
        bool(re.search(r"according to|in .{1,40}'s (?:view|account|reading|words)", text, re.I))


def _items(block: str) -> list[str]:
    """The top-level bullet items of a Markdown block, each as one line of text."""
    items: list[str] = []
    for line in block.split("\n"):
        if line.startswith("- "):
            items.append(line[2:])
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
    return items


def bottom_line(page: Path) -> list[tuple[str, str]]:
    """(label, text) of each item of a chapter's "What the evidence supports" box."""
    text = page.read_text(encoding="utf-8")
    match = re.search(r"^:::\{admonition\} What the evidence supports.*?\n(.*?)^:::\s*$", text, re.M | re.S)
    assert match, f"{page.name}: no 'What the evidence supports' box"
    found = []
    for item in _items(match.group(1)):
        label = re.match(r"\*\*(.+?)\*\*", item)
        found.append((label.group(1) if label else "", item))
    return found


def takeaways(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    match = re.search(r"^## Key takeaways\s*\n(.*?)(?=^## )", text, re.M | re.S)
    assert match, f"{page.name}: no Key takeaways section"
    return _items(match.group(1))


def claims_of(text: str) -> list[str]:
    return [i for m in CLAIMS.finditer(text) for i in m.group(1).split()]


def _check(where: str, text: str, label: str = "") -> list[str]:
    ids = claims_of(text)
    if not ids:
        return [f"{where}: names no claims ({{claims}}`…`): {text[:90]!r}"]
    known = statuses()
    unknown = [i for i in ids if i not in known]
    if unknown:
        return [f"{where}: not claims in the ledger: {unknown}"]
    status = {i: known[i] for i in ids}
    problems = []
    plain = CLAIMS.sub("", text)
    if re.search(r"\brel(y|ied|iable)\b", label, re.I) and set(status.values()) - FIRM:
        problems.append(f"{where}: 'rely on' rests on claims that are not firm: {status}")
    if re.search(r"\bdisputed?\b", label, re.I) and any(s != "disputed" for s in status.values()):
        problems.append(f"{where}: 'disputed' rests on claims the ledger does not mark disputed: {status}")
    if CLOSING.search(plain) and set(status.values()) - FIRM:
        problems.append(f"{where}: {CLOSING.search(plain).group(0)!r} closes a question the ledger "
                        f"leaves open: {status}")
    return problems
