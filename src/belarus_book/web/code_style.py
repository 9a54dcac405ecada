"""The book's colours for code: the theme's accessible high-contrast styles, with only what
helps to read chart code in colour.

pydata-sphinx-theme's default styles (a11y-high-contrast, light and dark) colour nearly
every token: operators get the colour of strings, so ``x="date"`` reads as one green run,
and every ``.`` and ``=`` of an Altair chain, every number and every ``len`` or ``True`` is
coloured. In chart code that is noise, and each coloured token costs a ``<span>`` in the
page (see :mod:`belarus_book.sphinx.highlight`). Here operators, numbers, built-in names and
constants are drawn in the text colour; strings (field names, titles), keywords, word
operators (``and``, ``in``), definitions and comments keep the base style's colours and
contrast.

Registered with Pygments as ``belarus-book-light`` and ``belarus-book-dark`` (entry points
in pyproject.toml); :mod:`belarus_book.sphinx.highlight` tells the theme to use them.
"""

# The base styles by module: asking Pygments for them by name would load this module's own
# styles again (they are Pygments plugins) while it is still being imported.
from a11y_pygments.a11y_high_contrast_dark.style import Theme as HighContrastDark
from a11y_pygments.a11y_high_contrast_light.style import Theme as HighContrastLight
from pygments.style import Style
from pygments.token import Keyword, Name, Number, Operator, Text

LIGHT = "belarus-book-light"
DARK = "belarus-book-dark"


# Token types drawn in the text colour. Their subtypes follow them unless the base style
# gives a subtype a colour of its own, which is kept where it carries meaning (word operators).
PLAIN = (Operator, Number, Name.Builtin, Keyword.Constant)


def _book_style(base: type[Style], name: str) -> type[Style]:
    styles = dict(base.styles)
    word = styles.get(Operator.Word) or styles[Operator]
    for token in list(styles):
        if any(token in plain for plain in PLAIN):
            styles[token] = ""
    styles.update({token: base.styles[Text] for token in PLAIN})
    styles[Operator.Word] = word
    return type(f"Book{base.__name__}", (base,), {"name": name, "styles": styles})


BookLightStyle = _book_style(HighContrastLight, LIGHT)
BookDarkStyle = _book_style(HighContrastDark, DARK)
