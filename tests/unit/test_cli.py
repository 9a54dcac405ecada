"""One command for the package's tools: `python -m belarus_book <build|pdf|dist|bench|lighthouse> [BOOK_DIR]`."""

from __future__ import annotations

import subprocess
import sys

from belarus_book.__main__ import TOOLS
from belarus_book.commands import lighthouse

from ..helpers import ROOT


def cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "belarus_book", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_help_names_every_tool():
    result = cli("--help")
    assert result.returncode == 0
    for tool in ("build", "pdf", "dist", "bench", "lighthouse"):
        assert tool in TOOLS and tool in result.stdout


def test_unknown_tool_is_refused_with_the_choices():
    result = cli("publish")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr and "build" in result.stderr


def test_tool_runs_on_the_book_folder_given(tmp_path):
    # An empty folder has no built site: dist says so and fails, naming the remedy.
    result = cli("dist", str(tmp_path))
    assert result.returncode != 0
    assert "run `make book` first" in result.stderr
    assert not (tmp_path / "dist").exists()


def test_lighthouse_without_a_built_site_says_so(tmp_path):
    result = cli("lighthouse", str(tmp_path))
    assert result.returncode != 0
    assert "run `make book` first" in result.stderr


def test_lighthouse_is_looked_for_in_the_checkouts_node_modules():
    # `npm ci` installs it beside package.json, at the top of the checkout.
    assert lighthouse.LIGHTHOUSE == ROOT / "node_modules" / ".bin" / "lighthouse"
    assert (ROOT / "package.json").is_file()
