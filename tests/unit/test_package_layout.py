"""The package stays in small rooms (issue 17): no module over 250 lines, and the Sphinx
extension's ``__init__`` only wires its jobs to Sphinx's events."""

from __future__ import annotations

import ast

from ..helpers import ROOT

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
