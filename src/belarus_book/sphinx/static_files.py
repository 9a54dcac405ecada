"""Static files: the package's own scripts copied into the site, and every page written again
when a file in ``_static/`` or ``_templates/`` changed.

Sphinx copies static files only while it writes pages, and writes none when no page is out
of date: a change to a stylesheet alone (print.css, say) would never reach the site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

from ..web import JS_DIR
from .data_check import fingerprint


def copy_script(app: Sphinx, name: str, target: str) -> None:
    """The package's script ``web/js/<name>`` into the site as ``_static/<target>``, before
    any page is written (so a page's link to it carries its checksum)."""
    if app.builder.format != "html":
        return
    path = Path(app.outdir) / "_static" / target
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(JS_DIR / name, path)


def pages_of_changed_static_files(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Every page, when a static file or template changed since the last build; else none."""
    folders = [Path(app.confdir) / p for p in (*app.config.html_static_path, *app.config.templates_path)]
    key = fingerprint(*(f for f in folders if f.is_dir()))
    if getattr(env, "bb_static_key", None) == key:
        return []
    env.bb_static_key = key
    return sorted(env.found_docs)
