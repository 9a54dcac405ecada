"""Text from the data as HTML: escaped, quotation marks balanced, marked with its language.

Pure functions of their arguments (no table is read), so the claims ledger page and the
chapters' tables share them.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from ..i18n import language as edition


def esc(value, quote: bool = False) -> str:
    """A value from the data as HTML text: escaped, so it can never become markup; missing
    values become "". Pass ``quote=True`` for a value inside an attribute (``href="..."``)."""
    return "" if pd.isna(value) else html.escape(str(value), quote=quote)


#: Quotation marks that open and close a quotation, per language of the excerpt. German
#: opens with „ and closes with “ (or uses guillemets, as the Swiss daily does); English
#: closes single quotes with ’, which is also the apostrophe, so it is left alone.
QUOTE_PAIRS = {
    "de": (("„", "“"), ("«", "»"), ("‚", "‘"), ("‹", "›")),
    "en": (("“", "”"),),
}


def balanced(text: str, language: str = "de") -> str:
    """``text`` with its quotation marks balanced, for display only (the data stays verbatim).

    An excerpt cut from a longer quotation can begin inside it (a closing mark with no
    opening one) or stop inside it (an opening mark never closed). The missing marks are
    added at the start or at the end, so the reader sees a whole quotation::

        balanced("wir töten niemanden“, sagte er.")  ->  "„wir töten niemanden“, sagte er."

    Straight double quotes (``"``) in German text, which some articles use, become German
    ones first („ where a quotation opens, “ where it closes): left straight, the page's
    typography would guess their direction from the markup around them, and guess wrong.
    """
    text = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    if language == "de" and '"' in text:
        text = re.sub(r'(^|(?<=[\s(\[–—-]))"', "„", text).replace('"', "“")
    pairs = QUOTE_PAIRS.get(language, QUOTE_PAIRS["en"])
    closes = {closing: opening for opening, closing in pairs}
    opens = {opening: closing for opening, closing in pairs}
    stack, missing = [], []  # marks still open; openings the excerpt lacks
    for char in text:
        if char in opens:
            stack.append(char)
        elif char in closes:
            if closes[char] in stack:
                while stack and stack.pop() != closes[char]:
                    pass
            else:
                missing.append(closes[char])
    return "".join(reversed(missing)) + text + "".join(opens[o] for o in reversed(stack))


def in_language(text, lang: str) -> str:
    """Escaped ``text``; wrapped in ``<span lang="..">`` when it is not in the page's
    language (the edition's), so screen readers pronounce it right (WCAG 3.1.2). The span is
    inline HTML, which Markdown outputs and HTML tables both carry."""
    body = esc(text)
    return body if lang == edition() else f'<span lang="{esc(lang, quote=True)}">{body}</span>'




#: The quotation marks the edition sets around a quotation.
EDITION_QUOTES = {"en": ("“", "”"), "de": ("„", "“")}


def quoted(text_html: str, text: str) -> str:
    """``text_html`` (the escaped, balanced form of ``text``) in the edition's quotation
    marks, unless it is already one whole quotation (opening and closing with its own). In
    German a quotation inside it takes the single marks (‚…‘), as German typography nests
    them, so the reader never sees „„ (the data stays verbatim)."""
    opens = {o for pairs in QUOTE_PAIRS.values() for o, _ in pairs}
    closes = {c for pairs in QUOTE_PAIRS.values() for _, c in pairs}
    stripped = text.strip()
    if stripped[:1] in opens and stripped[-1:] in closes:
        return text_html
    left, right = EDITION_QUOTES.get(edition(), EDITION_QUOTES["en"])
    if edition() == "de":
        text_html = text_html.replace("„", "‚").replace("“", "‘")
    return f"{left}{text_html}{right}"
