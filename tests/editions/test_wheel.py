"""The package's wheel holds exactly the package and the data package as they are now: it is
built from a copy of its sources in a fresh temporary folder, so a module or table deleted
from the checkout is gone from the next wheel, and nothing is built inside the checkout."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from belarus_book.sphinx import wheel as wheels
from belarus_book.web.layout import WHEEL_DIR, wheel_name

from ..helpers import DATA, ROOT, SITE

pytestmark = pytest.mark.slow

PACKAGE = "belarus_book"


def expected_files(project: Path) -> set[str]:
    """The package's files (no caches) and the data package's, as the wheel names them."""
    source = project / "src" / PACKAGE
    files = {f"{PACKAGE}/{p.relative_to(source).as_posix()}" for p in source.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts}
    data = project / "data"
    return files | {f"{PACKAGE}/data_package/{p.relative_to(data).as_posix()}" for p in data.rglob("*") if p.is_file()}


def contents(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {name for name in archive.namelist() if ".dist-info/" not in name}


def test_the_published_wheel_holds_the_package_and_the_data_package_and_nothing_else():
    published = SITE / WHEEL_DIR / wheel_name()
    assert published.is_file(), "no wheel in the built site: run `make book`"
    assert contents(published) == expected_files(ROOT)
    assert not (ROOT / "build").exists(), "setuptools built inside the checkout"
    assert len([p for p in DATA.glob("*.csv")]) > 5


def test_a_module_and_a_table_deleted_from_the_sources_are_gone_from_the_next_wheel(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in wheels.PROJECT_FILES:
        shutil.copyfile(ROOT / name, project / name)
    shutil.copytree(ROOT / "src", project / "src", ignore=wheels.NOT_SOURCES)
    shutil.copytree(DATA, project / "data")
    extra = [project / "src" / PACKAGE / "stale_module.py", project / "data" / "stale_table.csv"]
    for path in extra:
        path.write_text("a file that is about to be deleted\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    first = wheels.build_wheel(project, cache)
    assert {f"{PACKAGE}/stale_module.py", f"{PACKAGE}/data_package/stale_table.csv"} <= contents(first)
    for path in extra:
        path.unlink()
    second = wheels.build_wheel(project, cache)
    assert contents(second) == expected_files(project)
    assert sorted(p.name for p in project.iterdir()) == sorted([*wheels.PROJECT_FILES, "src", "data"]), \
        "the wheel was built inside the project"
    assert [p.name for p in cache.iterdir()] == [second.parent.name], "the stale wheel is kept"
