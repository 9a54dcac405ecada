"""The German edition's page sources, made from the German text and the English code.

A German page (``de/chapters/mobilisation.md``) is written by a German editor: German prose,
and in place of each code cell a cell *skeleton* with the English cell's options (tags, the
figure's name) and a German figure caption, but no code. :func:`german_page` fills each
skeleton with the English page's code at the same place, so the code is written once:

- every string literal in the code is looked up in the catalogue (``de/code-strings/``:
  English text -> German text) and replaced; a literal that reads like prose and has no entry
  stops the build, naming the page, the line and the text;
- a column name with a German counterpart in the data becomes it where it plainly is the
  data's column: ``"title_en"``, a shorthand such as ``"claimant:N"``, an attribute
  (``row.claimant``) or a keyword of the tooltip helper; a bare ``"claimant"`` may also be a
  word of the code (a JSON key), so the page's catalogue must say which, or the build stops;
- comments are looked up in the catalogue like strings (a German notebook explains its code
  in German);
- the set-up cell says ``bb.set_language("de")`` after ``import belarus_book as bb``.

The pages must match cell for cell (same number, same tags, same figure names): a cell added
to one edition but not the other stops the build, so the two cannot drift apart.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

_CELL = re.compile(r"^(`{3,})\{code-cell\}([^\n]*)\n(.*?)^\1[ \t]*$", re.M | re.S)
_OPTION = re.compile(r"^:")
SET_UP = "import belarus_book as bb"
SET_LANGUAGE = 'bb.set_language("de")  # Wörter, Zahlen und Daten auf Deutsch'
#: Strings that are code for Vega or pandas, not words for readers.
#: Columns that stay as they are in German: the verbatim excerpt (its German twin is only a
#: rendering of excerpts in other languages). A catalogue entry for a column name (even
#: "outlet": "outlet") also keeps it, for a chapter's own column that shares a data name.
KEEP = {"excerpt"}
_CODE_LIKE = re.compile(r"\bdatum\b|==|!=|\bisValid\(|^%|^[\w.]+:[NQTOG]$|^\w+\(")


class EditionError(ValueError):
    """The German page and the English page do not match, or a string has no German."""


@dataclass
class Cell:
    options: list[str]   # the ":key: value" lines
    code: str
    line: int            # where the cell starts in its file (1-based)

    def key(self) -> tuple:
        """What must agree between the editions: the tags and the figure's name."""
        tags = [o for o in self.options if o.startswith(":tags:")]
        names = [o.strip() for o in self.options if re.match(r":\s+name:", o)]
        return tuple(tags), tuple(names)

    def has_caption(self) -> bool:
        return any(re.match(r":\s+caption:", o) for o in self.options)


def cells(text: str) -> list[Cell]:
    found = []
    for match in _CELL.finditer(text):
        lines = match.group(3).split("\n")
        options = [line for line in lines if _OPTION.match(line)]
        code = "\n".join(line for line in lines if not _OPTION.match(line)).strip("\n")
        found.append(Cell(options, code, text.count("\n", 0, match.start()) + 1))
    return found


def reads_like_prose(text: str) -> bool:
    """A string a reader would read: words, with a space or a capital letter."""
    if _CODE_LIKE.search(text) or not re.search(r"[A-Za-zÄÖÜäöüß]{3,}", text):
        return False
    return " " in text.strip() or text[:1].isupper()


def _literal(token: str) -> tuple[str, str, str]:
    """(prefix, quote, body) of a string token as written."""
    prefix = re.match(r"[A-Za-z]*", token).group(0)
    rest = token[len(prefix):]
    quote = rest[:3] if rest[:3] in ('"""', "'''") else rest[0]
    return prefix, quote, rest[len(quote):-len(quote)]


def _german_token(token: str, words: dict[str, str], columns: set[str]) -> tuple[str | None, str | None]:
    """(the German token, or None to keep it; a problem, or None)."""
    prefix, quote, body = _literal(token)
    is_f = "f" in prefix.lower()
    text = body if is_f else ast.literal_eval(token)
    if text in words:
        new = words[text]
        if is_f or quote in ('"""', "'''"):
            quote = quote if len(quote) == 3 else ('"' if '"' not in new else "'")
            return f"{prefix}{quote}{new}{quote}", None
        mark = '"' if '"' not in new else "'"
        return mark + new.replace("\\", "\\\\").replace("\n", "\\n") + mark, None
    column = re.fullmatch(r"(\w+?)(_en)?(:[NQTOG])?", text)
    if is_f or not column or f"{column.group(1)}{column.group(2) or ''}" in KEEP:
        return None, (f"no German for {text!r}" if reads_like_prose(text) else None)
    base, english, shorthand = column.group(1), column.group(2) or "", column.group(3) or ""
    german = f"{base}_de"
    if english and german not in columns:
        return None, f"column {text!r} has no German column {german!r}"
    if german in columns and f"{base}{english}" in columns:
        if english or shorthand:  # "title_en", "claimant:N": plainly the data's column
            return f"{prefix}{quote}{german}{shorthand}{quote}", None
        # "claimant" or "name" may be the data's column or a word of the code (a JSON key):
        # the page's catalogue says which.
        return None, (f"{text!r} is a data column with a German twin: in the page's catalogue, "
                      f"map it to {german!r} (the data's column) or to itself (a name of the code)")
    return None, None


def translate_code(code: str, words: dict[str, str], where: str, columns: set[str]) -> str:
    """``code`` with its strings in German (see the module docstring)."""
    lines = code.split("\n")
    changes, problems = [], []
    tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    calls: list[str] = []  # the function each open parenthesis belongs to
    for i, tok in enumerate(tokens):
        before = tokens[i - 1].string if i else ""
        if tok.type == tokenize.OP and tok.string in "([{":
            calls.append(before if tok.string == "(" else "")
        elif tok.type == tokenize.OP and tok.string in ")]}" and calls:
            calls.pop()
        if tok.type == tokenize.NAME:
            german = f"{tok.string.removesuffix('_en')}_de"
            after = tokens[i + 1].string
            # A column as an attribute (row.claimant) or as a keyword of the tooltip helper
            # (tooltips(title_en="Event")); Altair's and pandas' own keywords (title=,
            # name=) are never columns, even where a column shares the name.
            is_column = tok.string in columns and german in columns and tok.string not in KEEP
            keyword = after == "=" and calls and calls[-1] == "tooltips"
            if is_column and (before == "." or keyword):
                changes.append((tok.start, tok.end, german))
            continue
        if tok.type == tokenize.COMMENT:
            text = tok.string.lstrip("#").strip()
            if text in words:
                changes.append((tok.start, tok.end, f"# {words[text]}"))
            elif reads_like_prose(text) and not text.startswith("noqa"):
                problems.append(f"{where}, code line {tok.start[0]}: no German for the comment {text!r}")
            continue
        if tok.type != tokenize.STRING:
            continue
        new, problem = _german_token(tok.string, words, columns)
        if problem:
            problems.append(f"{where}, code line {tok.start[0]}: {problem}")
        if new is not None:
            changes.append((tok.start, tok.end, new))
    if problems:
        raise EditionError("\n".join(problems))
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for (row, col), (end_row, end_col), new in reversed(changes):
        start, end = offsets[row - 1] + col, offsets[end_row - 1] + end_col
        code = code[:start] + new + code[end:]
    return code


def _set_language(code: str) -> str:
    lines = code.split("\n")
    for i, line in enumerate(lines):
        if line.strip() == SET_UP:
            return "\n".join([*lines[:i + 1], SET_LANGUAGE, *lines[i + 1:]])
    return code


def german_page(english: str, german: str, words: dict[str, str], columns: set[str],
                name: str) -> str:
    """The German page's source: ``german`` with its cell skeletons filled from
    ``english`` (see the module docstring). ``columns`` are the data's column names."""
    en_cells, de_cells = cells(english), cells(german)
    if len(en_cells) != len(de_cells):
        raise EditionError(
            f"{name}: the English page has {len(en_cells)} code cells, the German page "
            f"{len(de_cells)}; give the German page one cell skeleton per English cell, in order")
    problems = []
    for n, (en, de) in enumerate(zip(en_cells, de_cells, strict=True), start=1):
        if en.key() != de.key():
            problems.append(f"{name}: code cell {n} (German line {de.line}) has {de.key()}, "
                            f"the English cell (line {en.line}) {en.key()}")
        if en.has_caption() and not de.has_caption():
            problems.append(f"{name}: code cell {n} (German line {de.line}) needs a German caption")
        if de.code.strip():
            problems.append(f"{name}: code cell {n} (German line {de.line}) holds code; the "
                            "code comes from the English page, leave the skeleton empty")
    if problems:
        raise EditionError("\n".join(problems))
    pieces, last, seen_setup = [], 0, False
    for en, match in zip(en_cells, _CELL.finditer(german), strict=True):
        code = translate_code(en.code, words, f"{name} (English line {en.line})", columns)
        if not seen_setup and SET_UP in code.split("\n"):
            code, seen_setup = _set_language(code), True
        fence, info = match.group(1), match.group(2)
        pieces += [german[last:match.start()], f"{fence}{{code-cell}}{info}\n",
                   *(f"{o}\n" for o in match.group(3).split("\n") if _OPTION.match(o)),
                   "\n" if match.group(3).split("\n")[0].startswith(":") else "", code, "\n", fence]
        last = match.end()
    pieces.append(german[last:])
    return "".join(pieces)


def read_words(path: Path) -> dict[str, str]:
    """The catalogue: English text -> German text (YAML, one entry per string)."""
    import yaml

    words = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    bad = [k for k, v in words.items() if not isinstance(k, str) or not isinstance(v, str)]
    if bad:
        raise EditionError(f"{path}: every entry must be English text: German text; not {bad[:3]}")
    return words


def skeleton(english: str) -> str:
    """``english`` with each code cell's code taken out (its options kept): where a German
    editor starts a page, writing German in place of the English prose and captions."""
    def empty(match: re.Match) -> str:
        options = [line for line in match.group(3).split("\n") if _OPTION.match(line)]
        return f"{match.group(1)}{{code-cell}}{match.group(2)}\n" + "".join(
            f"{line}\n" for line in options) + match.group(1)
    return _CELL.sub(empty, english)


def strings_to_translate(english: str) -> list[str]:
    """The strings and comments in a page's code that read like prose: what the catalogue
    (``de/code-strings/<page>.yml``) must give in German (each once, in order)."""
    found: dict[str, None] = {}
    for cell in cells(english):
        for tok in tokenize.generate_tokens(io.StringIO(cell.code).readline):
            if tok.type == tokenize.STRING:
                prefix, _, body = _literal(tok.string)
                text = body if "f" in prefix.lower() else ast.literal_eval(tok.string)
            elif tok.type == tokenize.COMMENT:
                text = tok.string.lstrip("#").strip()
            else:
                continue
            if reads_like_prose(text) and not text.startswith("noqa"):
                found.setdefault(text)
    return list(found)
