"""The package stays in small rooms (issue 17): no module over 250 lines, and the Sphinx
extension's ``__init__`` only wires its jobs to Sphinx's events. The site's path has one
definition (issue 26)."""

from __future__ import annotations

import ast
import re

from ..helpers import ROOT

TESTS = ROOT / "tests"

PACKAGE = ROOT / "src" / "belarus_book"
MAX_LINES = 250


def test_no_module_is_over_250_lines():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 20, modules
    long = {p.relative_to(PACKAGE).as_posix(): n for p in modules
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"split these modules (lines): {long}"


def test_the_extension_init_only_wires_setup():
    tree = ast.parse((PACKAGE / "sphinx" / "__init__.py").read_text(encoding="utf-8"))
    functions = [n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)]
    assert functions == ["setup"]
    other = [type(n).__name__ for n in tree.body
             if not isinstance(n, ast.Import | ast.ImportFrom | ast.FunctionDef | ast.Expr)]
    assert other == [], f"__init__ should hold imports, its docstring and setup() only: {other}"


def test_the_site_path_is_spelled_in_one_place():
    """Commands, bench and tests find the built site through ``web.layout.site_dir``."""
    spelled = re.compile(r'"_build"\s*/\s*"html"')
    layout = PACKAGE / "web" / "layout.py"
    places = [p.relative_to(ROOT).as_posix() for p in sorted([*PACKAGE.rglob("*.py"), *TESTS.rglob("*.py")])
              if p != layout and spelled.search(p.read_text(encoding="utf-8"))]
    assert spelled.search(layout.read_text(encoding="utf-8"))
    assert places == [], f"use belarus_book.web.layout.site_dir in {places}"

