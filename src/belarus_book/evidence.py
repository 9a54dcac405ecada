"""Evidence shown beside a claim: the verbatim excerpt, our translation, who says so.

Every chapter shows the evidence for its rows in one of three forms: a quotation block
under a paragraph (:func:`quote`), a list of claims (:func:`items`) or a side-by-side table
where sources differ (:func:`table`). The forms live here so that they read the same in
every chapter. Each notes the rows it shows in the chapter's record
(:mod:`belarus_book.data.shown`), which the chapter's "Sources" list reads.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML, Markdown

from .data.shown import SHOWN
from .i18n import language as edition_language
from .i18n import text_of, tr, translation_column
from .text import (
    balanced,
    esc,
    excerpt_html,
    language,
    quoted,
    short_source,
    source_label,
    table_html,
    translation,
)

#: What a translation column shows where the excerpt is already in the edition's language.
ENGLISH_SOURCE = "(the source is in English)"


def no_translation_needed() -> str:
    """What a translation cell or tooltip line holds where the excerpt is already in the
    edition's language: in English a word saying so; in German nothing, as the German
    edition quotes its German articles as they stand and a line saying so on nearly every
    row would tell the reader nothing (a table then drops the column, a tooltip the line)."""
    return tr(ENGLISH_SOURCE) if edition_language() == "en" else ""


def with_translation(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each excerpt's translation into the edition's language (column
    ``excerpt_en`` or ``excerpt_de``), filled where the excerpt needs none: a chart's tooltip
    or a table then says so instead of showing a blank or "null"."""
    column = translation_column()
    values = [translation(row) or no_translation_needed() for _, row in frame.iterrows()]
    return frame.assign(**{column: values})


def quote(row, who: str) -> Markdown:
    """A row's excerpt as a quotation: original, our translation (if it is not in English),
    and ``who`` said it, where (the row's source).

    Every form here shows the excerpt with its quotation marks balanced (an excerpt cut from
    a longer quotation would otherwise open a quote it never closes) and, where its source is
    not in English, inside ``lang`` markup (WCAG 3.1.2); the data itself stays verbatim."""
    SHOWN.rows(row)
    lines = [f"> {excerpt_html(row)}", ">"]
    translated = translation(row)
    if translated:
        lines += [f"> *{esc(translated)}* ({tr('our translation')})", ">"]
    lines.append(f"> — {esc(who)}; {esc(source_label(row['source_id']))}")
    return Markdown("\n".join(lines))


def items(rows: pd.DataFrame, headline) -> Markdown:
    """A list with one claim per row: ``headline(row)`` in bold, who claims it (the row's
    ``claimant``, else its source), the verbatim evidence and our translation."""
    SHOWN.rows(rows)
    out = []
    for _, row in rows.iterrows():
        who = text_of(row, "claimant")
        who = who if isinstance(who, str) and who else source_label(row["source_id"])
        plain = balanced(row["excerpt"], language(row["source_id"]))
        item = (f"- **{esc(_unnamed(headline(row), who))}**, {tr('according to')} {esc(who)}.  \n"
                f"  {tr('Evidence')}: {quoted(excerpt_html(row), plain)}")
        translated = translation(row)
        if translated:
            item += f"  \n  *{esc(translated)}* ({tr('our translation')})"
        out.append(item)
    return Markdown("\n".join(out))


def _unnamed(head: str, who: str) -> str:
    """A headline without the speaker's name where it opens with it ("Lukashenko: ...") and
    the line names the same speaker after it ("according to Lukashenko (via Belta)")."""
    speaker, colon, said = head.partition(": ")
    if colon and said and who.split(" (")[0].split()[-1:] == speaker.split()[-1:]:
        return said[:1].upper() + said[1:]
    return head


def claimed_by(row) -> str:
    """Who makes a row's claim, and where: "Lukashenko (ntv.de)"; the claimant alone where
    it already names the outlet ("Swiss daily (Paul Flückiger)"), the source's citation
    where the row names no claimant."""
    claimant = text_of(row, "claimant")
    outlet = short_source(row["source_id"])
    if not isinstance(claimant, str) or not claimant:
        return source_label(row["source_id"])
    if outlet.lower() in claimant.lower():
        return claimant
    if claimant.endswith(")"):
        # One bracket, not two in a row: "Wöllenstein (Konrad Adenauer Foundation; ntv.de)".
        return f"{claimant[:-1]}; {outlet})"
    return f"{claimant} ({outlet})"


def table(rows: pd.DataFrame, said, caption: str | None = None) -> HTML:
    """Sources side by side: who (claimant and source), what each says (``said(row)``), the
    verbatim evidence and our translation."""
    rows = with_translation(SHOWN.rows(rows))
    langs = [language(s) for s in rows["source_id"]]
    verbatim = tr("Evidence (verbatim)")
    translations = rows[translation_column()].tolist()
    frame = pd.DataFrame({
        tr("Source"): [claimed_by(r) for _, r in rows.iterrows()],
        tr("What it says"): [said(r) for _, r in rows.iterrows()],
        verbatim: [balanced(e, lang) for e, lang in zip(rows["excerpt"], langs, strict=True)],
    })
    # No translation column where no excerpt needs one (German sources in the German edition).
    if any(translations):
        frame[tr("In English")] = translations
    return HTML(table_html(frame, caption=caption, languages={verbatim: langs}))
