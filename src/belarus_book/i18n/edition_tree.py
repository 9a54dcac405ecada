"""The German edition's source folder: its pages made from ``de/`` and the English code.

``de/`` holds what a German editor writes: ``_toc.yml`` (German part captions, the same
pages in the same order), ``_config.yml`` (only what differs: title, description),
``code-strings/<page>.yml`` (the German of the strings in a page's code, for that page) and
one page per English page, with German prose and empty code-cell skeletons (see
:mod:`.german_source`).
:func:`write_german_tree` writes the complete German book into a build folder, where Jupyter
Book builds it like the English one. A page in one edition but not the other stops it.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..commands.folders import copy_writable, remove_tree
from .german_source import EditionError, german_page, read_words

GERMAN_DIR = "de"
WORDS_DIR = "code-strings"
#: Folders the German book shares with the English one (copied, so the builds stay apart).
SHARED = ("_static", "_templates")
#: The German catalogue of Sphinx's and the theme's own words, in ``de/``.
LOCALES = "locales"


def _yaml(path: Path):
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def toc_pages(toc: dict) -> list[str]:
    """Every page of a Jupyter Book ``_toc.yml``, root first, in order."""
    pages = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                pages.append(entry["file"])
            walk(entry.get("chapters")), walk(entry.get("sections"))
    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return pages


def catalogue_of(german: Path, page: str) -> dict[str, str]:
    """The catalogue of one page (``chapters/mobilisation`` -> ``code-strings/mobilisation.yml``):
    each page has its own, since "name" may be the data's column on one page and a JSON key
    on another."""
    path = german / WORDS_DIR / f"{page.rsplit('/', 1)[-1]}.yml"
    return read_words(path) if path.is_file() else {}


def _data_columns(data_dir: Path) -> set[str]:
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    return {f["name"] for r in package["resources"] for f in r.get("schema", {}).get("fields", [])}


def _merge(base: dict, changes: dict) -> dict:
    out = dict(base)
    for key, value in changes.items():
        out[key] = _merge(base.get(key, {}), value) if isinstance(value, dict) else value
    return out


def _write(path: Path, text: str) -> None:
    """Write only a changed file, so Sphinx and the execution cache see the rest unchanged."""
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def write_german_tree(book: Path, out: Path, data_dir: Path) -> list[str]:
    """Write the German book into ``out``; returns its pages. Raises :class:`EditionError`
    naming what does not match between the editions."""
    import yaml

    german = book / GERMAN_DIR
    en_pages, de_pages = toc_pages(_yaml(book / "_toc.yml")), toc_pages(_yaml(german / "_toc.yml"))
    if en_pages != de_pages:
        only_en = [p for p in en_pages if p not in de_pages]
        only_de = [p for p in de_pages if p not in en_pages]
        raise EditionError(
            "the English and German tables of contents differ: "
            f"only in English {only_en or 'none'}, only in German {only_de or 'none'}"
            + ("" if only_en or only_de else " (the same pages in another order)"))
    columns = _data_columns(data_dir)
    for page in en_pages:
        source = german / f"{page}.md"
        if not source.is_file():
            raise EditionError(f"{page}: no German page {source.relative_to(book)}")
        text = german_page((book / f"{page}.md").read_text(encoding="utf-8"),
                           source.read_text(encoding="utf-8"), catalogue_of(german, page), columns,
                           f"de/{page}.md")
        _write(out / f"{page}.md", text)
    stray = sorted(p.relative_to(german).with_suffix("").as_posix() for p in german.rglob("*.md")
                   if p.relative_to(german).with_suffix("").as_posix() not in de_pages)
    if stray:
        raise EditionError(f"German pages in no table of contents: {stray}")
    own = _yaml(german / "_config.yml") or {}
    config = _merge(_yaml(book / "_config.yml"), own)
    # The other edition is the English one: the English config's link to German goes.
    config["sphinx"]["config"]["bb_editions"] = own["sphinx"]["config"]["bb_editions"]
    _write(out / "_config.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    _write(out / "_toc.yml", (german / "_toc.yml").read_text(encoding="utf-8"))
    # Copied afresh and writable: copies of a read-only checkout's files would otherwise
    # keep its modes and block the next build from replacing them.
    for folder in SHARED:
        remove_tree(out / folder)
        copy_writable(book / folder, out / folder)
    # The German words of Sphinx and the theme (footer, hover titles): Sphinx reads a
    # catalogue in locales/ (its default locale_dirs) before its own.
    remove_tree(out / LOCALES)
    copy_writable(german / LOCALES, out / LOCALES)
    return en_pages
