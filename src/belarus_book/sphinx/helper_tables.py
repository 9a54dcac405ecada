"""Which data tables the package's own helpers read, found from the helpers' source.

A chapter that calls ``bb.text.quotation(...)`` needs the quotes, people and sources tables
although it loads none of them itself. Which tables each helper reads is read off the
package's code (its ``load("…")`` calls, also through the helpers it calls and loops over a
constant such as ``claims.CLAIM_TABLES``), so the download box cannot drift from the code.
"""

from __future__ import annotations

import ast
import re
from functools import cache

from .data_check import PACKAGE_DIR

Function = tuple[str, str]  # (module, "name" or "Class.name")


class _Module:
    """What one module of the package defines and imports, for the analysis below."""

    def __init__(self, name: str) -> None:
        self.name = name
        path = PACKAGE_DIR.joinpath(*name.split("."))
        is_package = (path / "__init__.py").is_file()
        path = path / "__init__.py" if is_package else path.with_suffix(".py")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = name.split(".") if is_package else name.split(".")[:-1]
        self.functions: dict[str, ast.AST] = {}
        self.classes: dict[str, list[str]] = {}
        self.constants: dict[str, list[str]] = {}
        self.imports: dict[str, tuple[str, str]] = {}
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                self.functions[node.name] = node
            elif isinstance(node, ast.ClassDef):
                methods = [n for n in node.body if isinstance(n, ast.FunctionDef)]
                self.classes[node.name] = [m.name for m in methods]
                self.functions.update({f"{node.name}.{m.name}": m for m in methods})
            elif isinstance(node, ast.Assign) and isinstance(node.value, (ast.Dict, ast.Tuple, ast.List, ast.Set)):
                items = node.value.keys if isinstance(node.value, ast.Dict) else node.value.elts
                strings = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
                self.constants.update({t.id: strings for t in node.targets if isinstance(t, ast.Name)})
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level >= 1 and node.module:
                base = package[: len(package) - (node.level - 1)] + node.module.split(".")
                self.imports.update({a.asname or a.name: (".".join(base), a.name) for a in node.names})


@cache
def _module(name: str) -> _Module:
    return _Module(name)


def _modules() -> list[str]:
    """The package's chapter-facing modules, dotted ("text", "text.dates"); the build's own
    subpackages (sphinx, commands, web) hold no chapter helpers."""
    names = []
    for path in PACKAGE_DIR.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE_DIR).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts and parts[0] not in ("sphinx", "commands", "web") and not parts[-1].startswith("_"):
            names.append(".".join(parts))
    return sorted(names)


def _constant(module: _Module, name: str) -> list[str]:
    if name in module.constants:
        return module.constants[name]
    if name in module.imports:
        source, original = module.imports[name]
        return _module(source).constants.get(original, [])
    return []


def _looped_over(function: ast.AST, module: _Module, variable: str) -> list[str]:
    """The strings ``variable`` takes in a loop over a constant (``for name in TABLES``,
    ``for name, key in TABLES.items()``), or none."""
    strings: list[str] = []
    for node in ast.walk(function):
        loops = [node] if isinstance(node, ast.For) else getattr(node, "generators", [])
        for loop in loops:
            names = {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
            over = loop.iter.func.value if isinstance(loop.iter, ast.Call) and isinstance(
                loop.iter.func, ast.Attribute) else loop.iter
            if variable in names and isinstance(over, ast.Name):
                strings += _constant(module, over.id)
    return strings


def _direct(function: Function) -> tuple[list[str], list[Function]]:
    """The tables a helper loads itself, and the package's helpers it calls."""
    module = _module(function[0])
    node = module.functions[function[1]]
    owner = function[1].split(".")[0] if "." in function[1] else None
    tables, calls = [], []
    for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
        target = call.func
        if isinstance(target, ast.Name) and target.id == "load" and call.args:
            first = call.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                tables.append(first.value)
            elif isinstance(first, ast.Name):
                tables += _looped_over(node, module, first.id)
        elif isinstance(target, ast.Name) and target.id in module.functions:
            calls.append((module.name, target.id))
        elif isinstance(target, ast.Name) and target.id in module.imports:
            source, original = module.imports[target.id]
            if original in _module(source).functions:
                calls.append((source, original))
        elif (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
              and target.value.id == "self" and f"{owner}.{target.attr}" in module.functions):
            calls.append((module.name, f"{owner}.{target.attr}"))
    return tables, calls


@cache
def helper_tables(function: Function) -> tuple[str, ...]:
    """Every table a helper reads, itself or through the helpers it calls."""
    seen, todo, tables = set(), [function], []
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        own, calls = _direct(current)
        tables += own
        todo += calls
    return tuple(dict.fromkeys(tables))


@cache
def _mentions() -> list[tuple[re.Pattern, Function]]:
    """How a chapter's code names each helper: ``text.quotation`` for a module's function (or
    one it re-exports); ``.quotation`` on a page that names the class ``SourceLog`` for a method."""
    found = []
    for name in _modules():
        module = _module(name)
        for function in module.functions:
            if function.startswith("_") or "._" in function:
                continue
            if "." in function:
                owner, method = function.split(".")
                pattern = rf"(?s)\b{owner}\b.*\.{method}\b"
            else:
                pattern = rf"\b{name.rsplit('.', 1)[-1]}\.{function}\b"
            found.append((re.compile(pattern), (name, function)))
        # A helper a module re-exports from another (``text.short_source`` is defined in
        # ``sources``): chapters call it by the module they import.
        for alias, (source, original) in module.imports.items():
            if not alias.startswith("_") and original in _module(source).functions:
                found.append((re.compile(rf"\b{name.rsplit('.', 1)[-1]}\.{alias}\b"), (source, original)))
    return found


def tables_read_by_helpers(source: str) -> list[str]:
    """The tables the package's helpers that ``source`` calls read, in a stable order."""
    tables: list[str] = []
    for pattern, function in _mentions():
        if pattern.search(source):
            tables += helper_tables(function)
    return list(dict.fromkeys(tables))
