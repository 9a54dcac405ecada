"""The book's ``_config.yml``, checked before a build: YAML errors by file, line and column,
and settings Jupyter Book does not know refused.

Jupyter Book 1 reads the file without its name (a YAML error says ``"<unicode string>"``)
and ignores any setting it does not know, so ``execute: timout: 30`` builds without a word
and without the timeout. The settings it knows are those of its own schema and default
configuration (read from the installed package, so they follow its version) and the few
its code reads besides. Inside ``sphinx: config:``, ``latex: latex_documents:`` and
``html: analytics:`` the keys are Sphinx's or LaTeX's, not Jupyter Book's: not checked here.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
from pathlib import Path

import yaml

CONFIG = "_config.yml"
# Read by jupyter_book.config.yaml_to_sphinx, though in neither its schema nor its defaults.
READ_BESIDES = {"": {"project"}, "html": {"navbar_footer_text", "google_analytics_id"},
                "parse": {"myst_substitutions", "myst_extended_syntax"}}


class ConfigError(ValueError):
    """``_config.yml`` is not valid YAML or holds settings Jupyter Book does not know."""


def known_settings() -> dict[str, set[str]]:
    """{section: its known keys}, the top level as section ``""``."""
    package = Path(importlib.util.find_spec("jupyter_book").origin).parent
    schema = json.loads((package / "config_schema.json").read_text(encoding="utf-8"))["properties"]
    defaults = yaml.safe_load((package / "default_config.yml").read_text(encoding="utf-8"))
    known = {"": set(schema) | set(defaults) | READ_BESIDES[""]}
    for section in known[""]:
        keys = set(schema.get(section, {}).get("properties", {}))
        if isinstance(defaults.get(section), dict):
            keys |= set(defaults[section])
        if keys:
            known[section] = keys | READ_BESIDES.get(section, set())
    return known


def check(book: Path) -> None:
    """Raise :class:`ConfigError` naming the file, line and problem of each fault."""
    path = book / CONFIG
    if not path.is_file():
        return
    try:
        with path.open(encoding="utf-8") as stream:  # a named stream: marks carry the name
            root = yaml.compose(stream, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(f"{CONFIG}{where}: not valid YAML ({error.problem or error.context})") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{CONFIG}: not valid YAML ({error})") from None
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(f"{CONFIG}, line {root.start_mark.line + 1}: expected settings (key: value), "
                          f"found a {root.id}")
    known = known_settings()
    problems = []
    for key, value in root.value:
        problems += _unknown(key, "", known[""])
        if key.value and key.value in known and isinstance(value, yaml.MappingNode):
            for subkey, _ in value.value:
                problems += _unknown(subkey, key.value, known[key.value])
    if problems:
        raise ConfigError("\n".join(problems))


def _unknown(key: yaml.Node, section: str, known: set[str]) -> list[str]:
    if key.value in known:
        return []
    name = f"{section}: {key.value}" if section else key.value
    close = difflib.get_close_matches(str(key.value), sorted(known), n=1)
    hint = f"did you mean `{close[0]}`? " if close else ""
    return [f"{CONFIG}, line {key.start_mark.line + 1}: unknown setting `{name}`, which Jupyter Book "
            f"would ignore without a word; {hint}known{' in ' + section if section else ''}: "
            f"{', '.join(sorted(known))}"]
