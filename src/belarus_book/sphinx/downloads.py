"""A "Download this chapter" box on every chapter page, right under its title.

It offers the chapter's notebook edition (see :mod:`.notebooks`), its MyST source, the data
files its code needs, the data package descriptor and the book's wheel, so a class can take
one chapter away and run it. Which data files: the tables the chapter loaded when it ran,
itself or through the package's helpers (its record, :mod:`.records`), the tables they point
to by foreign key, and any other file of the data folder (the base map) the chapter names.
"""

from __future__ import annotations

import html
from pathlib import Path

from sphinx.application import Sphinx

from ..data import find_data_dir, read_package
from ..i18n import tr
from ..web.layout import CHAPTER_PREFIX, NOTEBOOK_DIR, PDF_LINK_MARK, WHEEL_DIR, wheel_name
from .records import chapter_record


def files_used(tables: list[str], source: str, package: dict,
               data_dir: Path | None = None) -> list[str]:
    """Every data file a page needs to run on its own, as paths inside data/.

    The ``tables`` it loaded, every table they point to through a foreign key (loading
    validates those keys, so the target must be there too), and any other file of the data
    folder (the base map) whose file name the page's ``source`` mentions.
    """
    resources = {r["name"]: r for r in package["resources"]}
    wanted = [name for name in tables if name in resources]
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


#: The box's advice, as HTML (the German edition's is in belarus_book.i18n.de_words).
RUN_IT_YOURSELF = (
    "Run it yourself: open the notebook in JupyterLab, VS Code or Colab; it shows its charts "
    "and numbers as downloaded. To run it again, install the book's package from the wheel "
    "below (<code>%pip install belarus_book-….whl</code> in the notebook), which brings the "
    "data; to use your own copies of the data files, put them in a <code>data/</code> folder "
    "next to the notebook.")


def download_box(pagename: str, files: list[str], pathto) -> str:
    """The HTML of a chapter's download box; links are relative, so they work from file://."""
    def link(target: str, label: str) -> str:
        href = html.escape(pathto(target, 1), quote=True)
        return f'<li><a class="reference download" href="{href}" download>{html.escape(label)}</a></li>'

    name = pagename.rsplit("/", 1)[-1]
    items = [link(f"{NOTEBOOK_DIR}/{pagename}.ipynb", f"{name}.ipynb ({tr('this chapter as a notebook')})"),
             link(f"_sources/{pagename}.md", f"{name}.md ({tr('its source, MyST Markdown')})")]
    items += [link(f"data/{path}", path) for path in files]
    items.append(link("data/datapackage.json", f"datapackage.json ({tr('what every column means')})"))
    items.append(link(f"{WHEEL_DIR}/{wheel_name()}",
                      f"{wheel_name()} ({tr('the book’s package, with all the data')})"))
    return (
        '<div class="admonition note bb-downloads" id="download-this-chapter">'
        f'<p class="admonition-title">{tr("Download this chapter")}</p>'
        f"<p>{tr(RUN_IT_YOURSELF)}</p>"
        f'<ul>{"".join(items)}{PDF_LINK_MARK}</ul></div>'
    )


def add_box(app: Sphinx, pagename: str, context: dict) -> None:
    if not pagename.startswith(CHAPTER_PREFIX) or "body" not in context:
        return
    source = Path(app.env.doc2path(pagename))
    data_dir = find_data_dir(Path(app.srcdir))
    tables = chapter_record(app, pagename)["tables"]
    files = files_used(tables, source.read_text(encoding="utf-8"), read_package(data_dir), data_dir)
    box = download_box(pagename, files, context["pathto"])
    body = context["body"]
    # Right under the chapter title, where a reader looks first; at the top if none.
    end_of_title = body.find("</h1>")
    cut = end_of_title + len("</h1>") if end_of_title >= 0 else 0
    context["body"] = body[:cut] + box + body[cut:]
