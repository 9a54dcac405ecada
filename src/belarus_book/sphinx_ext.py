"""Sphinx extension: the book's build-time plumbing.

- Validates every table in ``data/`` before any chapter runs, so bad data stops the build
  with a message naming file, row and column instead of failing inside a chapter.
- Keys the execution cache on the data and on this package as well as on the code cells
  (jupyter-cache alone looks at code cells only and would serve stale pages).
- Writes one Vega bundle for the whole site (:mod:`belarus_book.chart_bundle`) and adds it
  only to pages that draw a chart.
- Moves each chart page's specs, compiled from Vega-Lite to Vega, out of its HTML into a
  script file of the page's own (``_static/_charts/<page>.js``, see
  :mod:`belarus_book.chart_html`).
- Puts a tab bar under every chart (Chart, Table, Sources, Download), whose views are
  loaded and built from the chart's own spec when a reader first opens them, and prints
  each chart's table after it (``chart_tabs.js``, ``chart_views.js``).
- Leaves sphinx-thebe's scripts and stylesheet out of every page while live code is off
  (``launch_buttons: thebe: false``): Jupyter Book always loads that extension, and then
  its scripts only name a CDN address, declare it twice (a console error) and load a file
  with nothing to do, and each page ends with a configuration naming a Binder example
  repository that is not ours (and a global ``kernelName``).
- Publishes ``data/`` at ``<site>/data/`` so every page can offer its tables for download,
  with the claims ledger (:mod:`belarus_book.claims`) added as ``claims.csv`` and described
  in the published ``datapackage.json`` (derived, so it is not in ``data/`` itself).
- Adds the claims ledger's filter script (``claims_filter.js``, from this package) to the
  ledger page only; it lives outside the book's ``_static/``, whose scripts go on every page.
- Publishes each chapter's notebook edition (:mod:`belarus_book.notebook_edition`: plain
  Markdown, charts any Jupyter draws) at ``<site>/_downloads/notebooks/`` and puts a
  "Download this chapter" box on every chapter page (notebook, MyST source, the CSVs it
  loads, the data package descriptor), so a class can take one chapter away and run it.
"""

from __future__ import annotations

import csv
import hashlib
import html
import os
import re
import shutil
from pathlib import Path

import nbformat
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from . import chart_bundle, chart_html
from .data import DataError, find_data_dir, read_package, validate_package
from .glue import BUILD_ENV
from .notebook_edition import References, make_edition
from .prerun import executed_notebook
from .publish import PDF_LINK_MARK, WHEEL_DIR, wheel_name

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
# Relative to the site's _static/ folder, as Sphinx's add_js_file expects.
BUNDLE_PATH = f"_vega/{chart_bundle.BUNDLE_NAME}"
# The claims ledger's filters, relative to _static/, and the page element that needs them.
CLAIMS_SCRIPT = "_claims/claims-filter.js"
CLAIMS_MARK = 'id="claims-filter"'
# A page's chart specs: _static/_charts/<pagename>.js.
CHART_SPECS_DIR = "_charts"
# Pages under this folder are chapters: they get the download box and their notebook.
CHAPTER_PREFIX = "chapters/"
# Where chapter notebooks are published, relative to the site root.
NOTEBOOK_DIR = "_downloads/notebooks"
# Tables a chapter uses: found from its own loading calls, so the box cannot drift from
# the code (``bb.load("figures")``, also ``bd.load`` or ``belarus_book.load``).
_LOAD_CALL = re.compile(r"""\b(?:bb|bd|belarus_book(?:\.data)?)\.load\(\s*["']([A-Za-z0-9_-]+)["']""")




def fingerprint(*roots: Path) -> str:
    """A short hash of every file under ``roots`` (names and contents)."""
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _check_data_and_key_cache(app: Sphinx, config) -> None:
    data_dir = find_data_dir(Path(app.srcdir))
    try:
        validate_package(data_dir)
    except DataError as error:
        raise ExtensionError(f"invalid data, no chapter was run:\n{error}") from None

    # One cache folder per state of data + package: a change to either makes every
    # chapter run afresh. Folders of earlier states are removed so they do not pile up.
    cache_root = Path(app.srcdir) / "_build" / ".jupyter_cache"
    key = fingerprint(data_dir, PACKAGE_DIR)
    config.nb_execution_cache_path = str(cache_root / key)
    if cache_root.is_dir():
        for stale in cache_root.iterdir():
            if stale.name != key:
                shutil.rmtree(stale, ignore_errors=True)


def _source_names(app: Sphinx, ids: list[str]) -> dict[str, str]:
    """How the book names each of these sources (``cite_as`` in data/sources.csv)."""
    if not hasattr(app, "bb_source_names"):
        path = find_data_dir(Path(app.srcdir)) / "sources.csv"
        with open(path, encoding="utf-8", newline="") as handle:
            app.bb_source_names = {row["source_id"]: row["cite_as"] for row in csv.DictReader(handle)}
    return {i: app.bb_source_names[i] for i in ids if i in app.bb_source_names}


def _add_charts_to_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if f'class="{chart_html.PLACEHOLDER_CLASS}"' not in body:
        return
    context["body"], specs = chart_html.split_specs(body)
    specs = [chart_html.vega_spec(spec) for spec in specs]
    # Written before the page is, so Sphinx can stamp the script's URL with its checksum
    # (?v=...) and a browser never pairs a page with an older file of specs.
    specs_file = f"{CHART_SPECS_DIR}/{pagename}.js"
    target = Path(app.outdir) / "_static" / specs_file
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(chart_html.specs_script(specs, _source_names(app, chart_html.source_ids(specs))),
                      encoding="utf-8")
    # Sphinx resets the script list after each page, so these go to this page only; deferred
    # scripts run in order, so the specs are there before the bundle draws.
    app.add_js_file(specs_file, defer="defer")
    app.add_js_file(BUNDLE_PATH, defer="defer")


# What sphinx-thebe appends to every page's body: its configuration and a kernel name.
_THEBE_CONFIG = re.compile(
    r'\s*<script type="text/x-thebe-config">.*?</script>\s*<script>kernelName = [^<]*</script>', re.S)


def _is_thebe_asset(asset) -> bool:
    return ("sphinx-thebe" in str(asset.filename or "")
            or "THEBE_JS_URL" in asset.attributes.get("body", ""))


def _drop_idle_thebe(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if (app.config.html_theme_options.get("launch_buttons") or {}).get("thebe"):
        return
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe_asset(asset)]
    if "body" in context:
        context["body"] = _THEBE_CONFIG.sub("", context["body"])


# Tables the package's text helpers read behind the chapter's back (see text.py).
_HELPER_TABLES = {
    # bb.text.quotation(...) or a SourceLog's .quotation(...)
    "quotation(": ("quotes", "people", "sources"),
    "text.sources_list": ("sources",),
    "text.source_label": ("sources",),
    "text.short_source": ("sources",),
    "evidence.": ("sources",),
    # the bottom-line box's status counts read every claim table (claims.CLAIM_TABLES)
    "claims.": ("events", "figures", "polls", "quotes", "arguments", "support",
                "political_prisoners", "economy", "people", "sources"),
}


def tables_used(source: str, known: list[str]) -> list[str]:
    """The data tables a page's source loads, in order of first use, known tables only."""
    found = dict.fromkeys(m.group(1) for m in _LOAD_CALL.finditer(source))
    return [name for name in found if name in known]


def files_used(source: str, package: dict, data_dir: Path | None = None) -> list[str]:
    """Every data file a page needs to run on its own, as paths inside data/.

    The tables it loads, those the text helpers read, every table they point to through a
    foreign key (loading validates those keys, so the target must be there too), and any
    other file of the data folder (the base map) whose file name the source mentions.
    """
    resources = {r["name"]: r for r in package["resources"]}
    wanted = tables_used(source, list(resources))
    for helper, tables in _HELPER_TABLES.items():
        if helper in source:
            wanted += [t for t in tables if t in resources]
    closure: dict[str, None] = {}
    while wanted:
        name = wanted.pop(0)
        if name in closure:
            continue
        closure[name] = None
        for fk in resources[name].get("schema", {}).get("foreignKeys", []):
            target = fk["reference"].get("resource")
            if target in resources:
                wanted.append(target)
    paths = [resources[name]["path"] for name in closure]
    others = [r["path"] for r in package["resources"] if "schema" not in r]
    if data_dir is not None:
        others += sorted(p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*")
                         if p.is_file() and p.suffix != ".csv" and p.name != "datapackage.json")
    paths += [p for p in dict.fromkeys(others) if Path(p).name in source and p not in paths]
    return paths


def _download_box(pagename: str, files: list[str], pathto) -> str:
    """The HTML of a chapter's download box; links are relative, so they work from file://."""
    def link(target: str, label: str) -> str:
        href = html.escape(pathto(target, 1), quote=True)
        return f'<li><a class="reference download" href="{href}" download>{html.escape(label)}</a></li>'

    name = pagename.rsplit("/", 1)[-1]
    items = [link(f"{NOTEBOOK_DIR}/{pagename}.ipynb", f"{name}.ipynb (this chapter as a notebook)"),
             link(f"_sources/{pagename}.md", f"{name}.md (its source, MyST Markdown)")]
    items += [link(f"data/{path}", path) for path in files]
    items.append(link("data/datapackage.json", "datapackage.json (what every column means)"))
    items.append(link(f"{WHEEL_DIR}/{wheel_name()}",
                      f"{wheel_name()} (the book's package, with all the data)"))
    return (
        '<div class="admonition note bb-downloads" id="download-this-chapter">'
        '<p class="admonition-title">Download this chapter</p>'
        "<p>Run it yourself: open the notebook in JupyterLab, VS Code or Colab; it shows its "
        "charts and numbers as downloaded. To run it again, install the book's package from "
        "the wheel below (<code>%pip install belarus_book-….whl</code> in the notebook), which "
        "brings the data; to use your own copies of the data files, put them in a "
        "<code>data/</code> folder next to the notebook.</p>"
        f'<ul>{"".join(items)}{PDF_LINK_MARK}</ul></div>'
    )


def _add_download_box(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if not pagename.startswith(CHAPTER_PREFIX) or "body" not in context:
        return
    source = Path(app.env.doc2path(pagename))
    data_dir = find_data_dir(Path(app.srcdir))
    files = files_used(source.read_text(encoding="utf-8"), read_package(data_dir), data_dir)
    box = _download_box(pagename, files, context["pathto"])
    body = context["body"]
    # Right under the chapter title, where a reader looks first; at the top if none.
    end_of_title = body.find("</h1>")
    cut = end_of_title + len("</h1>") if end_of_title >= 0 else 0
    context["body"] = body[:cut] + box + body[cut:]


def _pages_of_changed_static_files(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Every page, when a file in _static/ or _templates/ changed since the last build.

    Sphinx copies static files only while it writes pages, and writes none when no page is
    out of date: a change to a stylesheet alone (print.css, say) would never reach the site.
    """
    folders = [Path(app.confdir) / p for p in (*app.config.html_static_path, *app.config.templates_path)]
    key = fingerprint(*(f for f in folders if f.is_dir()))
    if getattr(env, "bb_static_key", None) == key:
        return []
    env.bb_static_key = key
    return sorted(env.found_docs)


def _note_pages_read(app: Sphinx, env, docnames: list[str]) -> None:
    # The pages this build reads (all of them after a change to data/ or the package, which
    # changes the execution cache's path): only their notebooks can have changed.
    app.bb_pages_read = set(docnames)


def _publish_notebooks(app: Sphinx, outdir: Path) -> None:
    """Write each chapter page's executed notebook (from the execution cache) into the site."""
    target_root = outdir / NOTEBOOK_DIR
    chapters = {d for d in app.env.found_docs if d.startswith(CHAPTER_PREFIX)}
    for stale in target_root.rglob("*.ipynb") if target_root.is_dir() else []:
        if stale.relative_to(target_root).with_suffix("").as_posix() not in chapters:
            stale.unlink()
    for docname in sorted(chapters):
        target = target_root / f"{docname}.ipynb"
        if target.is_file() and docname not in getattr(app, "bb_pages_read", chapters):
            continue
        notebook = executed_notebook(app.env, docname)
        if notebook is None:
            # A chapter page that is not a notebook would offer a dead link: say so loudly.
            logger.warning("no executed notebook for %s in the execution cache", docname)
            continue
        edition = make_edition(notebook, _references(app, docname), _intro(app, docname))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(nbformat.writes(edition), encoding="utf-8")


def _references(app: Sphinx, docname: str) -> References:
    """Figure numbers, section titles, glossary anchors and page titles of the built book."""
    env = app.env
    std = env.domaindata["std"]
    numrefs, refs = {}, {}
    for label, (doc, label_id, title) in std["labels"].items():
        number = env.toc_fignumbers.get(doc, {}).get("figure", {}).get(label_id)
        if number:
            numrefs[label] = "Figure " + ".".join(map(str, number))
        if title:
            refs[label] = " ".join(title.split())
    terms = {name.lower(): f"{doc}#{anchor}"
             for (kind, name), (doc, anchor) in std["objects"].items() if kind == "term"}
    titles = {doc: node.astext() for doc, node in env.titles.items()}
    return References(docname, app.config.html_baseurl or "", numrefs, refs, terms, titles)


def _intro(app: Sphinx, docname: str) -> str:
    where = (f"[{app.config.html_baseurl.rstrip('/')}/{docname}.html]"
             f"({app.config.html_baseurl.rstrip('/')}/{docname}.html)"
             if app.config.html_baseurl else "the book's web site")
    return (
        f"*This is the notebook edition of a chapter of “{app.config.html_title}” "
        f"(edition {app.config.version}); the chapter with its glossary and data pages is on "
        f"{where}. It opens with every number and chart in place. To run it again "
        "(Run All), first install the book's package, which brings the data tables: put "
        f"the wheel `{wheel_name()}` from the chapter's download box next to this notebook "
        f"and run `%pip install {wheel_name()}` in a cell (or `pip install` the book's "
        "repository address). Figure numbers are those of the whole book.*"
    )


def _write_bundle(app: Sphinx) -> None:
    # Before any page is written, so every page's script URL carries the bundle's checksum.
    if app.builder.format != "html":
        return
    chart_bundle.write_scripts(Path(app.srcdir) / "_build", (Path(app.outdir) / "_static" / BUNDLE_PATH).parent)
    script = Path(app.outdir) / "_static" / CLAIMS_SCRIPT
    script.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PACKAGE_DIR / "claims_filter.js", script)


def _add_claims_script(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if CLAIMS_MARK in context.get("body", ""):
        app.add_js_file(CLAIMS_SCRIPT, defer="defer")


def _write_site_files(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    published = outdir / "data"
    shutil.rmtree(published, ignore_errors=True)
    data_dir = find_data_dir(Path(app.srcdir))
    shutil.copytree(data_dir, published)
    from .claims import write_published  # pandas: only once, at the end of the build

    write_published(published, data_dir, Path(app.srcdir) / "chapters")
    _publish_notebooks(app, outdir)


def setup(app: Sphinx) -> dict:
    # Tells the chapters' kernels (they inherit the environment) that the site is being
    # built: charts then carry the site's placeholder and glue() writes myst-nb's records.
    os.environ[BUILD_ENV] = "1"
    app.connect("config-inited", _check_data_and_key_cache)
    app.connect("builder-inited", _write_bundle)
    app.connect("env-get-outdated", _pages_of_changed_static_files)
    app.connect("env-before-read-docs", _note_pages_read)
    app.connect("html-page-context", _add_charts_to_page)
    app.connect("html-page-context", _add_download_box)
    app.connect("html-page-context", _add_claims_script)
    app.connect("html-page-context", _drop_idle_thebe)
    app.connect("build-finished", _write_site_files)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
