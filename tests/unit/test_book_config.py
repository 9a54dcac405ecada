"""_config.yml is checked before a build: YAML errors by file and line, and settings Jupyter
Book would ignore without a word refused by name."""

from __future__ import annotations

import subprocess
import sys

import pytest

from belarus_book.commands import book_config

from ..helpers import ROOT


def build(book) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "belarus_book", "build", str(book)],
                          capture_output=True, text=True, timeout=300)


def test_the_books_own_config_passes():
    book_config.check(ROOT)


def test_a_misspelt_setting_stops_the_build_naming_file_line_and_the_setting(tmp_path):
    text = (ROOT / "_config.yml").read_text(encoding="utf-8").replace("  timeout: 120", "  timout: 120")
    (tmp_path / "_config.yml").write_text(text, encoding="utf-8")
    line = text.splitlines().index("  timout: 120") + 1
    result = build(tmp_path)
    assert result.returncode == 1
    assert f"_config.yml, line {line}: unknown setting `execute: timout`" in result.stderr
    assert "did you mean `timeout`?" in result.stderr
    assert "no chapter was run" in result.stderr and "last good site" in result.stderr


@pytest.mark.parametrize("text, line, column", [
    ("title: x\nexecute:\n  timeout: [120\n", 4, 1),
    ("title: x\n  author: y\n", 2, 9),
])
def test_bad_yaml_is_named_by_file_line_and_column(tmp_path, text, line, column):
    (tmp_path / "_config.yml").write_text(text, encoding="utf-8")
    with pytest.raises(book_config.ConfigError) as stopped:
        book_config.check(tmp_path)
    assert str(stopped.value).startswith(f"_config.yml, line {line}, column {column}: not valid YAML (")
    assert "<unicode string>" not in str(stopped.value)


def test_unknown_top_level_keys_are_refused_and_free_sections_are_not_checked(tmp_path):
    (tmp_path / "_config.yml").write_text(
        "title: x\ntitel: y\nsphinx:\n  config:\n    any_sphinx_value: 1\n", encoding="utf-8")
    with pytest.raises(book_config.ConfigError) as stopped:
        book_config.check(tmp_path)
    assert str(stopped.value).startswith("_config.yml, line 2: unknown setting `titel`")
    assert "any_sphinx_value" not in str(stopped.value)
