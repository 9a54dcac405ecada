"""Which chapter uses which claim, read from the chapters' MyST sources."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..data.claim_tables import CLAIM_TABLES

_LOAD = r"""\b(?:bb|bd|belarus_book(?:\.data)?)\.load\(\s*["']{}["']"""
# rows picked by a value: frame["theme"] == "mobilisation", .kind == 'trigger', kind == "x"
_SELECT = re.compile(r"""(?:\[\s*["'](\w+)["']\s*\]|\.(\w+)|\b(\w+))\s*(?:==|\.eq\()\s*["']([^"']+)["']""")


def chapter_use(tables: dict[str, pd.DataFrame], sources: dict[str, str]) -> dict[str, list[str]]:
    """Which chapters use which claim: {row id: [chapter slugs]}.

    ``tables`` maps a claim table's name to its frame; ``sources`` a chapter's slug to the
    text of its MyST source. A chapter uses a row when its source

    1. names the row's id (a quotation, a row looked up, a table of chosen rows), or
    2. loads the row's table and picks rows by a value of one of its columns
       (``events["theme"] == "mobilisation"``), and the row has that value, or
    3. loads the table and neither names nor picks any of its rows: it shows it whole.
    """
    used: dict[str, list[str]] = {}
    for slug, text in sorted(sources.items()):
        picks = {(a or b or c, v) for a, b, c, v in _SELECT.findall(text)}
        for name, frame in tables.items():
            key = CLAIM_TABLES[name]
            ids = frame[key].astype(str)
            named = {i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)}
            loads = re.search(_LOAD.format(re.escape(name)), text) is not None
            picked = set()
            if loads:
                for col, value in picks:
                    if col in frame.columns and col != key:
                        picked |= set(ids[frame[col].astype(str) == value])
                if not named and not picked:
                    picked = set(ids)
            for i in named | picked:
                used.setdefault(i, []).append(slug)
    return used


def chapter_titles(chapters_dir: Path) -> dict[str, str]:
    """{slug: title} of every chapter source in ``chapters_dir`` (its first # heading)."""
    titles = {}
    for path in sorted(Path(chapters_dir).glob("*.md")):
        m = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.M)
        titles[path.stem] = m.group(1).strip() if m else path.stem
    return titles


