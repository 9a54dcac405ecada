"""The notebook edition of a chapter: what a teacher downloads and opens in plain Jupyter.

The build executes each chapter (MyST Markdown) into a notebook whose Markdown is MyST and
whose charts are placeholders only the web site draws. :func:`make_edition` turns it into
a notebook that reads and draws in any client without extensions (JupyterLab, VS Code,
Colab, nbconvert):

- glued values (``{glue:text}`name```) become the text they stand for;
- admonitions become block quotes with a bold title, exercises numbered headings, solutions
  ``<details>`` folds; glossary terms, figure and section references become plain text
  (links to the published book when ``base_url`` is set); label targets go;
- chart placeholders become :func:`belarus_book.web.chart_html.notebook_bundle` outputs, glue
  records are dropped, and cells folded on the web page are folded in Jupyter too;
- cells the web page removes (``remove-cell``) are left out: they only compute the numbers
  the text shows, which the edition already shows as text (the chapter code test checks
  that no later cell needs a name they define).

Only the MyST the chapters use is converted; anything else left in the text fails the build
(:func:`leftover_myst`), so a new construct cannot reach readers raw.
"""

from __future__ import annotations

import copy
import posixpath
import re
from ast import literal_eval
from dataclasses import dataclass, field

from .glue import GLUE_PREFIX
from .i18n import language, tr
from .i18n.formats import german_number, german_number_word
from .web.chart_html import notebook_bundle, placeholder_spec


@dataclass
class References:
    """What the edition needs from the built book to write references as text."""

    #: the chapter's own page ("chapters/mobilisation"), for its relative links
    docname: str
    #: the published book's address ("https://example.org/book/"), or "" (no links)
    base_url: str = ""
    #: label -> text shown for {numref} ("Figure 3") and {ref} (a section's title)
    numrefs: dict[str, str] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    #: glossary term (lower case) -> "docname#anchor"; page (docname) -> title
    terms: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    def page(self, path: str) -> str:
        """The docname (with any #anchor) a link or {doc} in this chapter points to."""
        path, _, anchor = path.partition("#")
        if path:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(self.docname), path))
            path = path.removesuffix(".md").removesuffix(".ipynb").removesuffix(".html")
        return (path or self.docname) + (f"#{anchor}" if anchor else "")

    def url(self, target: str) -> str | None:
        """A docname (with any #anchor) as an address in the published book."""
        if not self.base_url or target is None:
            return None
        page, _, anchor = target.partition("#")
        return f"{self.base_url.rstrip('/')}/{page}.html" + (f"#{anchor}" if anchor else "")


_ROLE = re.compile(r"\{(glue:text|glue:|glue|term|numref|ref|doc)\}`([^`]*)`")
#: A summary's evidence link (the book's {claims} role), with the space before it.
_CLAIMS = re.compile(r"[ \t]?\{claims\}`([^`]*)`")
_EXPLICIT = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.S)
_LABEL_TARGET = re.compile(r"^\([A-Za-z0-9_:.-]+\)=\s*$", re.M)
_FENCE = re.compile(r"^(:{3,})\{([a-z-]+)\}[ \t]*(.*)$")
_OPTION = re.compile(r"^:([a-z-]+):[ \t]*(.*)$")
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\((?!https?:|mailto:|#)([^)\s]+)\)")
#: MyST that must not survive conversion: a role, a directive fence, a label target.
LEFTOVER = re.compile(r"\{[a-z][a-z:-]*\}`|^:{3,}|^`{3,}\{|^\([A-Za-z0-9_:.-]+\)=", re.M)


def glue_values(notebook) -> dict[str, str]:
    """Each glued name's text/plain value, as myst-nb reads it from the outputs."""
    values = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            record = output.get("metadata", {}).get("scrapbook")
            if record:
                data = output.get("data", {})
                values[record["name"]] = data.get(record.get("mime_prefix", "") + "text/plain", "")
    return values


def format_glued(text: str, spec: str) -> str:
    """A glued text/plain value with an optional format spec, as ``{glue:text}`` shows it."""
    try:
        value = literal_eval(text)
    except (SyntaxError, ValueError):
        value = text
    if not spec:
        return str(value)
    kind = spec[-1]
    if kind in "bcdoxX":
        value = int(value)
    elif kind in "eEfFgGn%":
        value = float(value)
    elif kind == "s":
        value = str(value)
    return format(value, spec)


def _link(text: str, url: str | None) -> str:
    return f"[{text}]({url})" if url else text


def _role(match: re.Match, glued: dict[str, str], refs: References) -> str:
    role, content = match.group(1), match.group(2)
    explicit = _EXPLICIT.match(content)
    shown, target = (explicit.group(1), explicit.group(2)) if explicit else (None, content)
    if role.startswith("glue"):
        name, _, spec = target.partition(":")
        if name not in glued:
            raise KeyError(f"no glued value named {name!r}")
        text = format_glued(glued[name], spec)
        if language() != "de":
            return text
        before, after = match.string[max(0, match.start() - 24):match.start()], match.string[match.end():]
        return german_number_word(german_number(text), before, after[:24])
    if role == "term":
        return _link(shown or target, refs.url(refs.terms.get(target.lower())))
    if role == "numref":
        return shown or refs.numrefs.get(target, target)
    if role == "ref":
        return shown or refs.refs.get(target, target)
    page = refs.page(target)
    return _link(shown or refs.titles.get(page, target), refs.url(page))


def _claims(match: re.Match, refs: References) -> str:
    """The evidence link of a summary: to the published ledger, or nothing offline (the
    notebook's reader has the data itself)."""
    url = refs.url("appendix/claims")
    return f" ([evidence]({url}?claims={','.join(match.group(1).split())}))" if url else ""


def _directives(lines: list[str], numbers: dict[str, int]) -> list[str]:
    """Admonitions, notes, exercises and solutions (colon fences) as plain Markdown."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if not fence:
            out.append(lines[i])
            i += 1
            continue
        colons, name, argument = fence.groups()
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == colons), len(lines))
        body = lines[i + 1:end]
        options = {}
        while body and _OPTION.match(body[0]):
            key, value = _OPTION.match(body[0]).groups()
            options[key] = value
            body = body[1:]
        inner = _directives(body, numbers)
        if name == "exercise":
            number = numbers.setdefault(options.get("label", f"#{len(numbers)}"), len(numbers) + 1)
            title = f"{tr('Exercise')} {number}" + (f": {argument}" if argument else "")
            out += [f"**{title}**", "", *inner]
        elif name == "solution":
            number = numbers.get(argument.strip())
            title = tr("Solution to Exercise {n}").format(n=number) if number else tr("Solution")
            out += ["<details>", f"<summary>{title}</summary>", "", *inner, "", "</details>"]
        else:
            title = argument or name.capitalize()
            out += [f"> **{title}**", ">", *[f"> {line}".rstrip() for line in inner]]
        i = end + 1
    return out


def plain_markdown(source: str, glued: dict[str, str], refs: References,
                   numbers: dict[str, int] | None = None) -> str:
    """One Markdown cell's MyST as CommonMark."""
    text = _LABEL_TARGET.sub("", source)
    text = "\n".join(_directives(text.split("\n"), numbers if numbers is not None else {}))
    text = _CLAIMS.sub(lambda m: _claims(m, refs), text)
    text = _ROLE.sub(lambda m: _role(m, glued, refs), text)
    text = _LINK.sub(lambda m: _link(m.group(1), refs.url(refs.page(m.group(2)))), text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def leftover_myst(text: str) -> list[str]:
    """The lines of converted Markdown that still hold MyST syntax."""
    return [line for line in text.split("\n") if LEFTOVER.search(line)]


def _is_glue_record(output) -> bool:
    record = output.get("metadata", {}).get("scrapbook")
    return bool(record) and record.get("mime_prefix") == GLUE_PREFIX


def _chart_output(output):
    data = output.get("data", {})
    spec = placeholder_spec(data.get("text/html", "")) if "text/html" in data else None
    if spec is None:
        return output
    description = str(data.get("text/plain", "")).removeprefix("Chart: ")
    output = copy.deepcopy(output)
    output["data"] = notebook_bundle(spec, data["image/png"], description)
    return output


#: The display name ipykernel gives the python3 kernel.
KERNEL_DISPLAY_NAME = "Python 3 (ipykernel)"

# Folded on the web page (myst-nb's tags) -> folded in Jupyter (nbformat's own metadata).
_FOLDS = {"hide-input": ("source_hidden",), "hide-output": ("outputs_hidden",),
          "hide-cell": ("source_hidden", "outputs_hidden")}


def make_edition(notebook, refs: References, intro: str | None = None):
    """The notebook edition of an executed chapter notebook (the input is not changed)."""
    edition = copy.deepcopy(notebook)
    glued = glue_values(notebook)
    edition.cells = [c for c in edition.cells if "remove-cell" not in c.metadata.get("tags", [])]
    numbers: dict[str, int] = {}
    for cell in edition.cells:
        if cell.cell_type == "markdown":
            cell.source = plain_markdown(cell.source, glued, refs, numbers)
            left = leftover_myst(cell.source)
            if left:
                raise ValueError(f"MyST the notebook edition does not convert: {left[0]!r}")
        elif cell.cell_type == "code":
            cell.outputs = [_chart_output(o) for o in cell.outputs if not _is_glue_record(o)]
            tags = cell.metadata.get("tags", [])
            for tag, flags in _FOLDS.items():
                if tag in tags:
                    cell.metadata.setdefault("jupyter", {}).update(dict.fromkeys(flags, True))
                    if "outputs_hidden" in flags:
                        cell.metadata["collapsed"] = True  # what JupyterLab writes beside it
    if intro:
        from nbformat.v4 import new_markdown_cell

        # After the title cell, so the notebook still opens with the chapter's title.
        edition.cells.insert(1 if edition.cells and edition.cells[0].cell_type == "markdown"
                             else 0, new_markdown_cell(intro))
    edition.metadata.pop("jupytext", None)
    # As JupyterLab names the kernel when it starts it; another name would be "corrected" on
    # opening, and the notebook would open as modified (a teacher closing it is asked to save).
    edition.metadata.setdefault("kernelspec", {})["display_name"] = KERNEL_DISPLAY_NAME
    return edition
