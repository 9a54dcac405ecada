"""The German for the words the book's helpers write (English -> German): dates, evidence,
source lists, tooltips. Words in the chapters' own code are in ``de/code-strings.yml``."""

WORDS = {
    # dates (text/dates.py)
    "undated": "undatiert",
    " and ": " und ",
    "inferred from": "erschlossen aus",
    "inferred": "erschlossen",
    "reported on": "berichtet am",
    "reported in": "berichtet im",
    # evidence and quotations (evidence.py, text/__init__.py)
    "(the source is in English)": "(Original auf Deutsch)",
    "our translation": "unsere Übersetzung",
    "reported by": "berichtet von",
    "Note": "Anmerkung",
    "according to": "laut",
    "Evidence": "Beleg",
    "Source": "Quelle",
    "What it says": "Was sie sagt",
    "Evidence (verbatim)": "Beleg (wörtlich)",
    "In English": "Auf Deutsch",
    # charts (charts.py)
    "Evidence (original)": "Beleg (Original)",
    "Our translation": "Unsere Übersetzung",
    # source lists (text/sources.py)
    "Articles": "Artikel",
    "Outside sources": "Weitere Quellen",
}
