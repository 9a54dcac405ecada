"""Lighthouse on a phone: the landing pages and every chapter of both editions, served like a
static host.

Targets (issues 18 and 29), Lighthouse 12.2.3 with its mobile defaults (slow 4G, 4x CPU
slow-down): performance >= 95, accessibility, best practices and SEO 100, first-visit transfer
<= 300 KB, total blocking time <= 200 ms. Lighthouse is pinned in package.json / package-lock.json
(`npm ci`); Chromium is Debian's. A benchmark, not a test: the scores depend on the machine,
so the table says where it ran (issue 29): the load average when it started and, beside each
page's scores, Lighthouse's CPU benchmark index; a run on a busy machine is flagged as such.

    python -m belarus_book lighthouse [BOOK_DIR]   (the built site in BOOK_DIR/_build/html)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ..web.layout import GERMAN_DIR, site_dir
from . import chromium

ROOT = Path(__file__).resolve().parents[3]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SCORE_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
TRANSFER_TARGET_KB = 300
# Runs per page; the table shows the median one.
RUNS = 3
TBT_TARGET_MS = 200
# A machine is busy when its 1-minute load average is above this share of its cores, or when
# the benchmark index of one page's runs varies by more than this share (other jobs came and
# went during the runs).
BUSY_LOAD_PER_CORE = 0.5
BUSY_INDEX_SPREAD = 0.2
# `lighthouse --slow-cpu`: Lighthouse's phone slows the CPU 4 times; 10 is 2.5 times slower
# again, about the benchmark index issue 29 saw on this machine kind (950-1,300, against
# 2,400-3,100 on 2026-12-08).
SLOW_CPU = 10


def pages(site: Path) -> list[str]:
    """The landing page and the chapters of each edition (the German one in de/)."""
    found = []
    for edition in ("", f"{GERMAN_DIR}/"):
        found += [f"{edition}index.html"] + sorted(
            p.relative_to(site).as_posix() for p in (site / edition / "chapters").glob("*.html"))
    return [page for page in found if (site / page).is_file()]


def busy_reasons(load_1min: float, cores: int, indexes: dict[str, list[float]]) -> list[str]:
    """Why the runs measured a busy machine (none: it was quiet enough to compare): the load
    average at the start against the cores, and each page's spread of benchmark indexes
    (the highest more than BUSY_INDEX_SPREAD above the lowest)."""
    reasons = []
    if load_1min > BUSY_LOAD_PER_CORE * cores:
        reasons.append(f"load average {load_1min:.2f} at the start is above "
                       f"{BUSY_LOAD_PER_CORE} x {cores} cores")
    for page, values in indexes.items():
        if values and max(values) > (1 + BUSY_INDEX_SPREAD) * min(values):
            reasons.append(f"{page}: benchmark index varied from {min(values):.0f} to "
                           f"{max(values):.0f} between runs (more than "
                           f"{BUSY_INDEX_SPREAD:.0%})")
    return reasons


def command(url: str, report: Path, slow_cpu: bool = False) -> list[str]:
    """The Lighthouse command line for one run on ``url``, its JSON report into ``report``:
    mobile defaults, or with ``slow_cpu`` the CPU slowed :data:`SLOW_CPU` times instead of 4
    (the slowest machine of this kind on record, see the README)."""
    flags = "--headless=new --disable-gpu" + (" --no-sandbox" if os.geteuid() == 0 else "")
    line = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
            f"--chrome-flags={flags}", "--only-categories=" + ",".join(CATEGORIES)]
    return line + ([f"--throttling.cpuSlowdownMultiplier={SLOW_CPU}"] if slow_cpu else [])


def audit(url: str, slow_cpu: bool = False) -> dict:
    """One Lighthouse run on ``url``: the four scores, transfer and TBT."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", chromium.CHROMIUM)}
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        result = subprocess.run(command(url, report, slow_cpu), env=env, capture_output=True, text=True)
        if result.returncode != 0 or not report.exists():
            raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        lhr = json.loads(report.read_text(encoding="utf-8"))
    row = {c: round(100 * (lhr["categories"][c]["score"] or 0)) for c in CATEGORIES}
    row["transfer_kb"] = lhr["audits"]["total-byte-weight"]["numericValue"] / 1024
    row["tbt_ms"] = lhr["audits"]["total-blocking-time"]["numericValue"]
    row["benchmark_index"] = lhr["environment"]["benchmarkIndex"]
    row["failed"] = sorted(
        ref["id"] for c in CATEGORIES[1:] for ref in lhr["categories"][c]["auditRefs"]
        if ref["weight"] and (lhr["audits"][ref["id"]]["score"] or 0) < 1)
    return row


def available() -> bool:
    return LIGHTHOUSE.exists() and chromium.chromium_available()


def measure(site: Path, load: tuple[float, float, float] | None = None, slow_cpu: bool = False) -> dict:
    """Lighthouse on the landing pages and every chapter of the built ``site``: per page the
    median of :data:`RUNS` runs, with every run's benchmark index; the machine's cores and
    its load average at the start (``load``, when the caller took it before work of its own
    that would raise it, else now)."""
    if not available():
        sys.exit(f"lighthouse: needs {LIGHTHOUSE} (`npm ci`) and Chromium at {chromium.CHROMIUM}")
    measured = {"load": load or os.getloadavg(), "cores": os.cpu_count() or 1, "pages": {}}
    with chromium.serve(site, static_host=True) as url:
        for page in pages(site):
            runs = [audit(url + page, slow_cpu) for _ in range(RUNS)]
            measured["pages"][page] = {**median_run(runs),
                                       "indexes": [r["benchmark_index"] for r in runs]}
    return measured


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score: one run's scores swing by several points
    with the machine's load, as Lighthouse's own advice on variability says."""
    return sorted(runs, key=lambda row: row["performance"])[len(runs) // 2]


def where_it_ran(measured: dict) -> str:
    """The lines above the table: the machine's load, and whether it was busy."""
    load, cores = measured["load"], measured["cores"]
    lines = [f"load average at the start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
             f"(1, 5, 15 min) on {cores} cores"]
    reasons = busy_reasons(load[0], cores, {p: r["indexes"] for p, r in measured["pages"].items()})
    if reasons:
        lines += ["MACHINE BUSY: other work shared the CPU, so these scores are not the "
                  "machine's own:"]
        lines += [f"  - {reason}" for reason in reasons]
    return "\n".join(lines) + "\n"


def table(measured: dict) -> str:
    def mark(ok: bool) -> str:
        return "" if ok else " !"

    rows = measured["pages"]
    lines = [where_it_ran(measured),
             "| page | performance | accessibility | best practices | SEO | transfer KB | TBT ms "
             "| benchmark index (runs) |",
             "|---|---|---|---|---|---|---|---|",
             f"| target | >= {SCORE_TARGETS['performance']} | 100 | 100 | 100 "
             f"| <= {TRANSFER_TARGET_KB} | <= {TBT_TARGET_MS} | |"]
    for page, row in rows.items():
        scores = " | ".join(f"{row[c]}{mark(row[c] >= SCORE_TARGETS[c])}" for c in CATEGORIES)
        indexes = ", ".join(f"{i:.0f}" for i in row["indexes"])
        lines.append(f"| {page} | {scores} "
                     f"| {row['transfer_kb']:.0f}{mark(row['transfer_kb'] <= TRANSFER_TARGET_KB)} "
                     f"| {row['tbt_ms']:.0f}{mark(row['tbt_ms'] <= TBT_TARGET_MS)} "
                     f"| {row['benchmark_index']:.0f} ({indexes}) |")
    failed = sorted({audit_id for row in rows.values() for audit_id in row["failed"]})
    if failed:
        lines.append("\nfailing audits (accessibility, best practices, SEO): " + ", ".join(failed))
    lines.append("\n! = misses its target")
    return "\n".join(lines)


def run(book: Path, slow_cpu: bool = False) -> int:
    """Measure the built site of ``book`` and print the table (``python -m belarus_book
    lighthouse [--slow-cpu]``; ``make bench`` measures a fresh build of a copy instead)."""
    site = site_dir(book)
    if not (site / "index.html").exists():
        sys.exit(f"lighthouse: no built site in {site}: run `make book` first")
    if slow_cpu:
        print(f"CPU slowed {SLOW_CPU} times, not Lighthouse's 4: as on a machine 2.5 times slower\n")
    print(table(measure(site, slow_cpu=slow_cpu)))
    return 0
