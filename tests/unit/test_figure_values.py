"""Every figure row's excerpt holds its value.

A figure in the book (data/figures.csv: value, value_low, value_high; data/polls.csv:
share_pct, share_low, share_high) is only as good as the passage it rests on: the row's
verbatim `excerpt` must contain the number itself, written as the source writes it. That may
be digits in any usual German or English form (62.000, 62 000, 62,000, 62'000, 1,5 / 1.5,
"2 million", "1,5 Milliarden") or a number word ("zwei", "dritten", "two", "Hälfte").
A row whose excerpt is about something else, or only leads up to the number, fails here
with its id.
"""

from __future__ import annotations

import csv
import math
import re

import pytest

from ..helpers import DATA

#: (table, key column, value columns) of the tables whose rows carry a figure.
FIGURE_TABLES = (
    ("figures", "figure_id", ("value", "value_low", "value_high")),
    ("polls", "poll_id", ("share_pct", "share_low", "share_high")),
)

# Thousands separators in German, Swiss and English texts: dot, comma, (thin, no-break)
# space, apostrophes.
THOUSANDS = (".", ",", " ", "\u00a0", "\u202f", "\u2009", "'", "’")

# Number words, German and English; German words may be inflected ("zweite", "dritten").
WORDS = {
    1: ("ein", "eine", "einer", "eins", "erste", "one", "first", "single"),
    2: ("zwei", "zweite", "beide", "two", "second", "both", "twice", "doppelt"),
    3: ("drei", "dritte", "three", "third"),
    4: ("vier", "vierte", "four", "fourth"),
    5: ("fünf", "fünfte", "five", "fifth"),
    6: ("sechs", "sechste", "six", "sixth"),
    7: ("sieben", "siebte", "seven", "seventh"),
    8: ("acht", "achte", "eight", "eighth"),
    9: ("neun", "neunte", "nine", "ninth"),
    10: ("zehn", "zehnte", "ten", "tenth"),
    11: ("elf", "elfte", "eleven", "eleventh"),
    12: ("zwölf", "zwölfte", "twelve", "twelfth"),
    20: ("zwanzig", "twenty"),
    30: ("dreißig", "dreissig", "thirty"),
    40: ("vierzig", "forty"),
    50: ("fünfzig", "fifty", "hälfte", "half"),  # "half" for 50 %
    100: ("hundert", "hundred"),
    1000: ("tausend", "thousand"),
}
INFLECTION = r"(?:e|en|er|es|em|n|s)?"

# Scale words: 2 million, 1,5 Milliarden, 3 Mio.
SCALES = {
    10**6: ("million", "millionen", "mio"),
    10**9: ("billion", "milliarde", "milliarden", "mrd", "bn"),
}


def digit_forms(value: float) -> set[str]:
    """How a source may write ``value`` in digits."""
    forms = set()
    if float(value).is_integer():
        n = int(value)
        forms.add(str(n))
        if n >= 1000:
            grouped = f"{n:,}"
            forms.update(grouped.replace(",", sep) for sep in THOUSANDS)
    else:
        text = f"{value:.10g}"
        whole, frac = text.split(".")
        wholes = {whole}
        if int(whole) >= 1000:
            wholes.update(f"{int(whole):,}".replace(",", sep) for sep in THOUSANDS)
        for w in wholes:
            forms.update({f"{w}.{frac}", f"{w},{frac}"})
    return forms


def _digits_in(forms, text: str) -> bool:
    for form in forms:
        # Not part of a longer number: no digit, or digit group, on either side.
        pattern = (r"(?<![\d])(?<![\d][.,'’\u00a0\u202f\u2009 ])" + re.escape(form)
                   + r"(?![\d])(?![.,'’\u00a0\u202f\u2009][\d])")
        if re.search(pattern, text):
            return True
    return False


def holds(text: str, value: float) -> bool:
    """True if ``text`` contains ``value`` in digits, scaled digits or words."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    if _digits_in(digit_forms(value), text):
        return True
    lowered = text.lower()
    for scale, words in SCALES.items():
        if value >= scale and (value / scale) * 1000 == int((value / scale) * 1000):
            scaled = digit_forms(round(value / scale, 3))
            for form in scaled:
                for word in words:
                    if re.search(r"(?<![\d])" + re.escape(form) + r"\s*" + re.escape(word) + r"\b",
                                 lowered):
                        return True
    if float(value).is_integer() and int(value) in WORDS:
        for word in WORDS[int(value)]:
            if re.search(r"\b" + re.escape(word) + INFLECTION + r"\b", lowered):
                return True
    return False


def _number(cell: str):
    cell = (cell or "").strip()
    return float(cell) if cell else None


def figure_rows():
    rows = []
    for table, key, columns in FIGURE_TABLES:
        with open(DATA / f"{table}.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                values = {c: _number(row.get(c)) for c in columns if _number(row.get(c)) is not None}
                if values:
                    rows.append(pytest.param(table, row[key], row["excerpt"], values, id=row[key]))
    return rows


@pytest.mark.parametrize(("table", "row_id", "excerpt", "values"), figure_rows())
def test_excerpt_holds_the_value(table, row_id, excerpt, values):
    missing = {c: v for c, v in values.items() if not holds(excerpt, v)}
    assert not missing, (
        f"{table}.csv row {row_id}: the excerpt does not contain {missing} "
        f"(in digits or words): {excerpt!r}. Give the row the passage that holds its value."
    )


def test_every_figure_row_is_checked():
    ids = [p.id for p in figure_rows()]
    assert len(ids) == len(set(ids)) and len(ids) > 50


@pytest.mark.parametrize(("text", "value"), [
    ("seines 62'000 Berufssoldaten umfassenden Heeres", 62000),
    ("Die seinen Angaben nach 35.000 bis 40.000 Mann starke", 35000),
    ("roughly 48 000 troops", 48000),
    ("approximately 45,000 active duty troops", 45000),
    ("and 2 million in reserve", 2_000_000),
    ("ein Kredit über 1,5 Milliarden Dollar", 1_500_000_000),
    ("a US$1.5 billion loan", 1_500_000_000),
    ("1.1% of GDP (2022 est.)", 1.1),
    ("Die Quote lag bei 1,1 Prozent", 1.1),
    ("is 1,084.2km long", 1084.2),
    ("Seit acht Monaten", 8),
    ("nach dem dritten Kriegstag", 3),
    ("der bereits zweite Minsk-Besuch", 2),
    ("die Hälfte der Befragten", 50),
    ("at the age of 64", 64),
])
def test_holds_finds_the_value_in_usual_forms(text, value):
    assert holds(text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Die seinen Angaben nach 35.000 bis 40.000 Mann starke", 62000),  # another number
    ("of which 6 150 in special operation forces", 150),  # part of a longer number
    ("Gespräche unter Freunden", 2),  # no number at all
    ("from 28% in March", 23),  # a neighbouring figure, not this one
    ("1.1% of GDP (2022 est.)", 1.2),
    ("Erstmals seit drei Jahren", 30),  # "drei" is not "dreißig"
])
def test_holds_rejects_an_excerpt_without_the_value(text, value):
    assert not holds(text, value)
