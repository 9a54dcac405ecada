"""Every word the book's helpers write has its German (belarus_book.i18n.de_words), with the
same placeholders, so the German edition never falls back to English nor loses a number."""

from __future__ import annotations

import ast
import re
import string

import pytest

from belarus_book.i18n import set_language, tr
from belarus_book.i18n.de_words import WORDS

from ..helpers import ROOT

PACKAGE = ROOT / "src" / "belarus_book"


def words_in_code() -> set[str]:
    """The English texts the package passes to tr(), as literals or through module constants."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                     for t in node.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Name) and arg.id in constants:
                    arg = constants[arg.id]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
    return found


def test_every_word_the_helpers_write_has_its_german():
    missing = sorted(words_in_code() - set(WORDS))
    assert not missing, f"add to belarus_book/i18n/de_words.py: {missing}"


def test_the_statuses_and_their_rules_have_their_german():
    from belarus_book.claims.status_rules import STATUS_LIMITS, STATUS_RULES, STATUSES

    missing = [w for w in [*STATUSES, *STATUS_RULES.values(), *STATUS_LIMITS.values()] if w not in WORDS]
    assert not missing


@pytest.mark.parametrize("english", sorted(WORDS))
def test_the_german_keeps_the_placeholders_and_the_markup(english):
    fields = lambda text: sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)  # noqa: E731
    tags = lambda text: sorted(re.findall(r"</?\w+", text))  # noqa: E731
    assert fields(WORDS[english]) == fields(english)
    assert tags(WORDS[english]) == tags(english)


def test_a_word_without_german_fails_loudly():
    set_language("de")
    try:
        with pytest.raises(KeyError, match="no German for"):
            tr("A sentence nobody translated")
        assert tr("Source") == "Quelle"
    finally:
        set_language("en")


@pytest.mark.parametrize(("number", "before", "after", "shown"), [
    ("3", "Am 27. Februar 2022, ", " Tage nach", "drei"),
    ("8", "", " Monate lang", "Acht"),                 # a sentence starts with it
    ("4", "Text. ", " der fünf", "Vier"),
    ("12", "seit ", " Monaten", "zwölf"),
    ("3", "nach dem ", ". Kriegstag", "3"),          # an ordinal
    ("4", "etwa ", "-mal so groß", "4"),
    ("5", "ergeben ", " Prozent", "5"),
    ("64", "Kernkraftwerk ", " km", "64"),
    ("2", "Umfragen: ", " bis 4 Prozent", "2"),     # the ends of a range
    ("4", "`2` bis ", " Prozent", "4"),
    ("1", "", " Tag vor", "1"),                     # "einen Tag", "ein Artikel": left as it is
    ("28", "(", " Unionsprogramme", "28"),
    ("5", "ergibt ", ", also", "5"),
])
def test_small_glued_numbers_read_as_words_in_german_prose(number, before, after, shown):
    from belarus_book.i18n.formats import german_number_word

    assert german_number_word(number, before, after) == shown
