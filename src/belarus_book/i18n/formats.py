"""Numbers and dates as each edition writes them: "1,084.2" and "20 September 2022" in
English, "1.084,2" and "20. September 2022" in German; and the same formats for the
charts (Vega's number and time locale)."""

from __future__ import annotations

import re

from . import language

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
}
SHORT_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "de": ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.",
           "Nov.", "Dez."],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
}


def number(value, digits: int | None = None) -> str:
    """``value`` with thousands separators and ``digits`` decimals (default: none for a
    whole number, as many as it has otherwise), in the current language's style."""
    value = float(value)
    if digits is None:
        digits = 0 if value.is_integer() else len(repr(value).split(".")[1])
    text = f"{value:,.{digits}f}"
    if language() == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


#: A number as Python's format writes it in English: 35,000 / 1,084.2 / 49.6 / -3.5 %
_ENGLISH_NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?( ?%)?$|^-?\d+\.\d+( ?%)?$")


def german_number(text: str) -> str:
    """"1,084.2" -> "1.084,2"; anything that is not a number as English writes it stays (a
    glued number is formatted by Python's format spec, which writes English)."""
    if not _ENGLISH_NUMBER.match(text.strip()):
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


#: Whole numbers up to twelve as German prose writes them (Duden: small numbers in words).
#: Two ways use them: a number glued as digits becomes its word where the text around it
#: allows (german_number_word, automatic); a Count says so itself where the grammar needs
#: another word for one ("einen Tag").
GERMAN_WORDS = ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht",
                "neun", "zehn", "elf", "zwölf"]
#: The stems of the German ordinals up to twelfth; the prose's grammar gives the ending.
GERMAN_ORDINALS = ["nullt", "erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt",
                   "acht", "neunt", "zehnt", "elft", "zwölft"]


class Count(int):
    """A count glued into the prose: the number itself (the build compares it between the
    editions), written in words up to twelve in the German edition ("fünf Artikel", "einen
    Tag"), in digits beyond and in English. ``german_one``: the German word for one where
    the sentence needs another form than "ein" ("einen Tag", "eine Quelle")."""

    def __new__(cls, value, german_one: str = "ein"):
        count = super().__new__(cls, int(value))
        count.german_one = german_one
        return count

    def __str__(self) -> str:
        if language() == "de" and 0 <= self <= 12:
            return self.german_one if self == 1 else GERMAN_WORDS[self]
        return int.__repr__(self)

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        return str(self) if not spec else int(self).__format__(spec)

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(str(self))


def german_ordinal(n: int, ending: str) -> str:
    """The German ordinal up to twelfth in words with its ending ("dritten", "zweiter"),
    beyond it in digits ("13.")."""
    return f"{GERMAN_ORDINALS[n]}{ending}" if 0 < n <= 12 else f"{n}."


#: A number written as a word is followed by a word: "drei Tage", "vier der fünf".
_WORD_AFTER = re.compile(r"^\s+[^\W\d_]")
#: ... but not by a unit or "Prozent" (nor by the other end of a range, "2 bis 4").
_DIGITS_AFTER = re.compile(r"^\s+(?:Prozent|km|Mio\.|Mrd\.|bis|und\s*\d|oder\s*\d)\b")
#: What comes before a number that stays a digit: the other end of a range.
_DIGITS_BEFORE = re.compile(r"(?:\d|`)\s*(?:bis|und|oder|[–/-])\s*$")


def german_number_word(text: str, before: str, after: str) -> str:
    """A glued whole number from two to twelve in German running text as a word, "drei Tage",
    capitalised at the start of a sentence ("Acht Monate lang …"); ``before`` and ``after``
    are the text around it. Digits stay where German keeps them: with a unit or "Prozent",
    in an ordinal ("3. Kriegstag"), before a hyphen ("4-mal"), and in a range ("2 bis 4").
    One stays a digit too, as its word depends on the noun ("einen Tag", "ein Artikel")."""
    if not re.fullmatch(r"\d{1,2}", text) or not 2 <= int(text) <= 12:
        return text
    if not _WORD_AFTER.match(after) or _DIGITS_AFTER.match(after) or _DIGITS_BEFORE.search(before):
        return text
    word = GERMAN_WORDS[int(text)]
    starts_sentence = not before.strip() or re.search(r"[.!?:]\s*$", before)
    return word.capitalize() if starts_sentence else word


def date_text(year: int, month: int | None = None, day: int | None = None,
              short: bool = False, weekday: int | None = None) -> str:
    """A date known to the year, month or day: "2022", "December 2022", "19 December 2022"
    ("Dezember 2022", "19. Dezember 2022"); ``weekday`` (0 = Monday) put first."""
    lang = language()
    if month is None:
        return str(year)
    name = (SHORT_MONTHS if short else MONTHS)[lang][month - 1]
    if day is None:
        return f"{name} {year}"
    text = f"{day}. {name} {year}" if lang == "de" else f"{day} {name} {year}"
    if weekday is not None:
        text = f"{WEEKDAYS[lang][weekday]}, {text}" if lang == "de" else f"{WEEKDAYS[lang][weekday]} {text}"
    return text


def day_range_start(day: int) -> str:
    """The first day of a range within one month: "17–" in "17–21 December 2022"
    ("17.–21. Dezember 2022")."""
    return f"{day}.–" if language() == "de" else f"{day}–"


def vega_locale() -> dict | None:
    """The charts' number and time formats (Vega-Lite ``config.locale``); None in English,
    which is Vega's default."""
    if language() != "de":
        return None
    return {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]},
        "time": {
            "dateTime": "%A, der %e. %B %Y, %X", "date": "%d.%m.%Y", "time": "%H:%M:%S",
            "periods": ["AM", "PM"], "days": WEEKDAYS["de"][6:] + WEEKDAYS["de"][:6],
            "shortDays": ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
            "months": MONTHS["de"], "shortMonths": SHORT_MONTHS["de"],
        },
    }
