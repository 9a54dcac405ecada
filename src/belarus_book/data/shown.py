"""What a chapter has used: the tables it loaded and the rows it showed.

One kernel runs one chapter, so the record lives in the process. The book's helpers write
it as they go: :func:`~belarus_book.data.load` notes each table, and the helpers that put
rows in front of a reader (a chart's data, an evidence table, a quotation) note the rows.
A chapter never has to: only a number it computes from a row in a hidden cell is noted by
hand, with :func:`cite`.

Everything that must know what a chapter used reads this record, so none of it can drift
from what the chapter really did: its "Sources" list, the claim counts in its bottom line,
the claims ledger's "chapters" column and the data files in its download box. It also keeps
the numbers the chapter glued into its text and drew in its charts, which must be the same
in the English and the German edition (:mod:`belarus_book.sphinx.records`).
"""

from __future__ import annotations

import json
import re

from .claim_tables import CLAIM_TABLES


class Shown:
    """The tables loaded and the rows shown, in this process."""

    def __init__(self) -> None:
        self.tables: dict[str, None] = {}  # in order of first load
        self.sources: set[str] = set()
        self._keys: set[str] = set()  # ids and index labels of the rows shown
        self.glued: dict[str, float] = {}  # the numbers glued into the text
        self.charts: list[list] = []  # each chart's numbers, dates and claim ids, sorted

    def table(self, name: str) -> None:
        self.tables.setdefault(name, None)

    def rows(self, rows, column: str = "source_id"):
        """Note a frame's rows or one row (their sources, and their ids where the table
        holds claims); return ``rows`` unchanged."""
        import pandas as pd

        frame = rows if isinstance(rows, pd.DataFrame) else rows.to_frame().T
        if column in frame.columns:
            self.sources.update(str(v) for v in frame[column].dropna())
        # A row's claim id is in its table's id column or, where the chapter indexed the
        # table by it, in the index; which values are claim ids is decided by claim_ids.
        self._keys.update(str(v) for v in frame.index)
        for key in set(CLAIM_TABLES.values()) & set(frame.columns):
            self._keys.update(str(v) for v in frame[key].dropna())
        return rows

    @property
    def claim_ids(self) -> set[str]:
        """The ids of the claims (rows of the claim tables) among the rows shown. A row
        shown was loaded first, so only the claim tables the chapter loaded are read: a
        notebook run beside only the files of its download box has no others."""
        from . import load

        known: set[str] = set()
        for name, key in CLAIM_TABLES.items():
            if name in self.tables:
                known.update(load(name, record=False)[key].astype(str))
        return self._keys & known

    def glue(self, name: str, value) -> None:
        """Note a glued value if it is a number (text differs between the editions)."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.glued[name] = float(value)

    def chart(self, spec: dict) -> None:
        """Note what a chart draws that no language changes: the numbers, dates and claim
        ids in its data."""
        from ..web.chart_html import data_values

        keys = set(CLAIM_TABLES.values())
        drawn = []
        for values in data_values(spec):
            for row in values if isinstance(values, list) else []:
                for column, value in (row.items() if isinstance(row, dict) else []):
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        drawn.append(round(float(value), 6))
                    elif column in keys or (isinstance(value, str) and _ISO_DATE.match(value)):
                        drawn.append(str(value))
        self.charts.append(sorted(drawn, key=repr))

    def as_json(self) -> str:
        """The record as the build reads it back from the executed chapter."""
        return json.dumps({"tables": list(self.tables), "sources": sorted(self.sources),
                           "claims": sorted(self.claim_ids), "glued": self.glued,
                           "charts": self.charts})


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

#: This process's record (one chapter per kernel).
SHOWN = Shown()

#: The glued name under which a chapter leaves its record for the build.
RECORD_NAME = "bb_shown"


def cite(rows):
    """Note rows a chapter uses without showing them through a helper (a number glued into
    the text, say); returns ``rows``, so it wraps the lookup: ``cite(figures.loc[key])``."""
    return SHOWN.rows(rows)


def read_record(glued: dict[str, str]) -> dict | None:
    """A chapter's record from its executed notebook's glued values, or None."""
    import ast

    text = glued.get(RECORD_NAME)
    return json.loads(ast.literal_eval(text)) if text else None
