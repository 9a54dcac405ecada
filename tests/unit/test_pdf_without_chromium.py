"""Without Chromium, `make pdf` fails and says why; `make test` (``--if-chromium``) says so
and goes on, except in CI, where a missing browser is a broken set-up."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def pdf(book, *options: str, ci: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["BELARUS_BOOK_CHROMIUM"] = "/nonexistent/chromium"
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, "-m", "belarus_book", "pdf", str(book), *options],
                          capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize("ci", [False, True], ids=["developer", "CI"])
def test_make_pdf_fails_without_chromium(tmp_path, ci):
    result = pdf(tmp_path, ci=ci)
    assert result.returncode == 1
    assert "PDF STEP FAILED: PDFs need Chromium at /nonexistent/chromium" in result.stderr
    assert not (tmp_path / "_build").exists()


def test_make_test_goes_on_without_chromium_outside_ci_and_says_so(tmp_path):
    result = pdf(tmp_path, "--if-chromium", ci=False)
    assert result.returncode == 0
    assert "Skipped the print edition: PDFs need Chromium" in result.stdout
    assert pdf(tmp_path, "--if-chromium", ci=True).returncode == 1
