"""A build that cannot lie (issue 28): interrupted builds, two builds at once, chapters that
fail or never end. Real builds of copies of the book, started with the checkout's execution
cache (tests/book_copies.py), so only the pages are read and written again.
"""

from __future__ import annotations

import collections
import os
import re
import signal
import time
from pathlib import Path

import pytest

from belarus_book.web.layout import GERMAN_DIR, built_html, site_dir

from ..book_copies import copy_book, run_tool, start_build

pytestmark = pytest.mark.slow

# A role Sphinx does not know: a strict build must fail on it every time. (Where it was
# dropped silently, the glossary page read "See for more.")
BROKEN = "\nSee {notarole}`this page` for more.\n"


def role_warning(output: str) -> str:
    lines = [line for line in output.splitlines() if "notarole" in line and ("WARNING" in line or "ERROR" in line)]
    assert lines, f"no warning about the broken role in:\n{output[-3000:]}"
    return lines[0]


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> tuple[Path, str]:
    """A copy of the book with a broken role in the glossary, and the warning a build of it
    from scratch fails on."""
    book = copy_book(tmp_path_factory.mktemp("broken") / "book")
    glossary = book / "appendix" / "glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + BROKEN, encoding="utf-8")
    result = run_tool(book)
    assert result.returncode != 0, result.stdout[-3000:]
    return book, role_warning(result.stdout + result.stderr)


def staged(book: Path) -> Path:
    return book / "_build" / "staging" / "_build"


# Moments to press Ctrl-C, each after the build has saved its environment: a next build that
# trusted it would read no page again, and so repeat no warning.
MOMENTS = {
    "environment saved": lambda book: (staged(book) / ".doctrees" / "environment.pickle").is_file(),
    "pages being written": lambda book: any((staged(book) / "html" / "chapters").glob("*.html")),
    "site files being added": lambda book: (staged(book) / "html" / "data").is_dir(),
}


def interrupt_when(book: Path, moment, timeout: float = 600) -> str:
    """Start a build, press Ctrl-C (SIGINT to its whole process group, as a terminal does)
    when ``moment(book)`` is true; its output."""
    build = start_build(book)
    started = time.monotonic()
    try:
        while not moment(book):
            assert build.poll() is None, "the build ended before the moment came:\n" + build.stdout.read()[-3000:]
            assert time.monotonic() - started < timeout, "the moment never came"
            time.sleep(0.05)
        os.killpg(build.pid, signal.SIGINT)
        output, _ = build.communicate(timeout=120)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
    assert build.returncode != 0, output[-3000:]
    return output


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: m.replace(" ", "-"))
def test_after_an_interrupt_the_next_build_fails_on_the_same_warning(broken, moment):
    book, warning = broken
    output = interrupt_when(book, MOMENTS[moment])
    assert "BUILD INTERRUPTED" in output and "last good site" in output
    assert not (site_dir(book)).exists(), "an interrupted build published a site"
    result = run_tool(book)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build after an interrupt ({moment}) passed:\n{output[-3000:]}"
    assert "Discarding _build/staging, left by a build that did not finish" in output
    assert role_warning(output) == warning
    assert not (site_dir(book)).exists()


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    return copy_book(tmp_path_factory.mktemp("good") / "book")


def test_a_second_build_is_refused_while_one_runs_and_progress_shows_as_it_happens(good):
    first = start_build(good)
    lock = good / "_build" / ".lock"
    lines, refused = [], None
    try:
        for line in first.stdout:
            lines.append((time.monotonic(), line))
            if refused is None and "reading sources" in line:
                # The output comes as it is printed (a pipe here, as in CI), not in blocks:
                # the pages are being read, none of the last ones written yet.
                assert first.poll() is None and not (staged(good) / "html" / "index.html").exists()
                assert f"pid {first.pid}" in lock.read_text(encoding="utf-8")
                refused = run_tool(good, timeout=120)
        first.wait(timeout=900)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
    output = "".join(line for _, line in lines)
    assert refused is not None, f"never saw the pages being read:\n{output[-3000:]}"
    assert refused.returncode == 1
    assert f"BUILD NOT STARTED: another build is running (pid {first.pid}, build)" in refused.stderr
    assert first.returncode == 0, output[-3000:]
    # The site published is the English edition's build with the German one's under de/.
    site, built = site_dir(good), staged(good) / "html"
    german = built_html(good / "_build" / "de")
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    expected = [p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()]
    expected += [f"{GERMAN_DIR}/{p.relative_to(german).as_posix()}" for p in german.rglob("*") if p.is_file()]
    assert files == sorted(expected)
    assert "index.html" in files and f"{GERMAN_DIR}/index.html" in files and len(files) > 300


def test_a_no_change_rebuild_leaves_the_claims_ledger_alone(good):
    ledger = staged(good) / "html" / "data" / "claims.csv"
    if not ledger.is_file():
        assert run_tool(good).returncode == 0
    before = ledger.stat().st_mtime_ns
    result = run_tool(good)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert ledger.stat().st_mtime_ns == before, "a no-change rebuild wrote claims.csv again"
    assert (site_dir(good) / "data" / "claims.csv").read_bytes() == ledger.read_bytes()


def test_a_failing_and_a_looping_chapter_each_run_once_and_stop_the_build(tmp_path_factory):
    book = copy_book(tmp_path_factory.mktemp("failing") / "book")
    runs = book.parent / "runs.txt"
    for chapter, body in [("dependence", 'raise RuntimeError("deliberately broken cell")'),
                          ("mobilisation", "while True:\n    pass")]:
        path = book / "chapters" / f"{chapter}.md"
        cell = (f"\n```{{code-cell}} ipython3\nwith open({str(runs)!r}, 'a') as f:\n"
                f"    f.write('{chapter}\\n')\n{body}\n```\n")
        path.write_text(path.read_text(encoding="utf-8") + cell, encoding="utf-8")
    config = book / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  timeout: 120", "  timeout: 30"),
                      encoding="utf-8")
    result = run_tool(book)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "last good site" in output
    ran = collections.Counter(runs.read_text(encoding="utf-8").split())
    assert ran and set(ran.values()) == {1}, f"chapters run more than once: {ran}"
    assert "deliberately broken cell" in output or "timed out" in output
    if (os.cpu_count() or 1) >= 2:  # both run side by side by the prerun, both reported
        assert set(ran) == {"dependence", "mobilisation"}
        assert re.search(r"chapters/dependence failed when it was run", output)
        assert re.search(r"chapters/mobilisation failed when it was run: .*timed out", output, re.S)
