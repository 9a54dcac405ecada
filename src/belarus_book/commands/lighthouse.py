"""Lighthouse on a phone: the landing page and every chapter, served like a static host.

Targets (issue 18), Lighthouse 12.2.3 with its mobile defaults (slow 4G, 4x CPU slow-down):
performance >= 95, accessibility, best practices and SEO 100, first-visit transfer <= 500 KB,
total blocking time <= 200 ms. Lighthouse is pinned in package.json / package-lock.json
(`npm ci`); Chromium is Debian's. A benchmark, not a test: the scores depend on the machine.

    python -m belarus_book lighthouse [BOOK_DIR]   (the built site in BOOK_DIR/_build/html)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ..web.layout import site_dir
from . import chromium

ROOT = Path(__file__).resolve().parents[3]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SCORE_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
TRANSFER_TARGET_KB = 500
# Runs per page; the table shows the median one.
RUNS = 3
TBT_TARGET_MS = 200

def pages(site: Path) -> list[str]:
    return ["index.html"] + sorted(p.relative_to(site).as_posix()
                                   for p in (site / "chapters").glob("*.html"))


def audit(url: str) -> dict:
    """One Lighthouse run (mobile defaults) on ``url``: the four scores, transfer and TBT."""
    flags = "--headless=new --disable-gpu" + (" --no-sandbox" if os.geteuid() == 0 else "")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", chromium.CHROMIUM)}
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--chrome-flags={flags}", "--only-categories=" + ",".join(CATEGORIES)],
            env=env, capture_output=True, text=True)
        if result.returncode != 0 or not report.exists():
            raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        lhr = json.loads(report.read_text(encoding="utf-8"))
    row = {c: round(100 * (lhr["categories"][c]["score"] or 0)) for c in CATEGORIES}
    row["transfer_kb"] = lhr["audits"]["total-byte-weight"]["numericValue"] / 1024
    row["tbt_ms"] = lhr["audits"]["total-blocking-time"]["numericValue"]
    row["failed"] = sorted(
        ref["id"] for c in CATEGORIES[1:] for ref in lhr["categories"][c]["auditRefs"]
        if ref["weight"] and (lhr["audits"][ref["id"]]["score"] or 0) < 1)
    return row


def available() -> bool:
    return LIGHTHOUSE.exists() and chromium.chromium_available()


def measure(site: Path) -> dict[str, dict]:
    """Lighthouse rows for the landing page and every chapter of the built ``site`` (the
    median of :data:`RUNS` runs each)."""
    if not available():
        sys.exit(f"lighthouse: needs {LIGHTHOUSE} (`npm ci`) and Chromium at {chromium.CHROMIUM}")
    with chromium.serve(site, static_host=True) as url:
        return {page: median_run([audit(url + page) for _ in range(RUNS)]) for page in pages(site)}


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score: one run's scores swing by several points
    with the machine's load, as Lighthouse's own advice on variability says."""
    return sorted(runs, key=lambda row: row["performance"])[len(runs) // 2]


def table(rows: dict[str, dict]) -> str:
    def mark(ok: bool) -> str:
        return "" if ok else " !"

    lines = ["| page | performance | accessibility | best practices | SEO | transfer KB | TBT ms |",
             "|---|---|---|---|---|---|---|",
             f"| target | >= {SCORE_TARGETS['performance']} | 100 | 100 | 100 "
             f"| <= {TRANSFER_TARGET_KB} | <= {TBT_TARGET_MS} |"]
    for page, row in rows.items():
        scores = " | ".join(f"{row[c]}{mark(row[c] >= SCORE_TARGETS[c])}" for c in CATEGORIES)
        lines.append(f"| {page} | {scores} "
                     f"| {row['transfer_kb']:.0f}{mark(row['transfer_kb'] <= TRANSFER_TARGET_KB)} "
                     f"| {row['tbt_ms']:.0f}{mark(row['tbt_ms'] <= TBT_TARGET_MS)} |")
    failed = sorted({audit_id for row in rows.values() for audit_id in row["failed"]})
    if failed:
        lines.append("\nfailing audits (accessibility, best practices, SEO): " + ", ".join(failed))
    lines.append("\n! = misses its target")
    return "\n".join(lines)


def run(book: Path) -> int:
    """Measure the built site of ``book`` and print the table (``python -m belarus_book
    lighthouse``; ``make bench`` measures a fresh build of a copy instead)."""
    site = site_dir(book)
    if not (site / "index.html").exists():
        sys.exit(f"lighthouse: no built site in {site}: run `make book` first")
    print(table(measure(site)))
    return 0
