"""Each chapter, copied alone into an empty folder, runs top to bottom in a fresh kernel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_runs_on_its_own(chapter, tmp_path):
    shutil.copy(chapter, tmp_path / chapter.name)
    env = {k: v for k, v in os.environ.items() if k != "BELARUS_BOOK_DATA"}
    jupytext = Path(sys.executable).parent / "jupytext"
    result = subprocess.run(
        [str(jupytext), "--to", "ipynb", "--execute", chapter.name],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / f"{chapter.stem}.ipynb").exists()
