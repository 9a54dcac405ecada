"""The claims ledger page: the counts per status, the filter controls and the table."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..data import find_data_dir
from ..evidence import no_translation_needed
from ..i18n import tr
from ..text.markup import balanced, esc, in_language
from ..text.sources import citation_html
from .status_rules import STATUS_LIMITS, STATUS_RULES, STATUSES


def _first_upper(text: str) -> str:
    """``text`` with its first letter upper-case and the rest as it is ("Offizielle Angabe",
    not str.capitalize's "Offizielle angabe")."""
    return text[:1].upper() + text[1:]


def counts_html(frame: pd.DataFrame) -> str:
    """The rules in order of precedence, each with what it means, what it does not mean and
    how many claims it decides."""
    counts = frame["status"].value_counts()
    items = "".join(
        f'<li><strong>{esc(_first_upper(tr(s)))}</strong> ({int(counts.get(s, 0))} {tr("claims")}): '
        f'{esc(tr(STATUS_RULES[s]))}. {esc(tr(STATUS_LIMITS[s]))}</li>' for s in STATUSES)
    intro = tr("The data holds <strong>{n}</strong> claims. The first rule that fits a claim "
               "decides its status:").format(n=len(frame))
    return f'<p>{intro}</p><ol class="claims-counts">{items}</ol>'


#: The line under the filters (HTML; the German edition's is in belarus_book.i18n.de_words).
LEDGER_CSV = ('<a href="../data/claims.csv" download>claims.csv</a>: the whole ledger with each '
              "status and the reason for it, described (with the status rules) in the site's "
              '<a href="../data/datapackage.json" download>datapackage.json</a>.')


def _options(pairs) -> str:
    return "".join(f'<option value="{esc(v, quote=True)}">{esc(label)}</option>'
                   for v, label in pairs)


def chapter_titles(chapters_dir: Path) -> dict[str, str]:
    """{slug: title} of every chapter source in ``chapters_dir`` (its first # heading)."""
    titles = {}
    for path in sorted(Path(chapters_dir).glob("*.md")):
        m = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.M)
        titles[path.stem] = m.group(1).strip() if m else path.stem
    return titles


def ledger_html(frame: pd.DataFrame, chapters_dir=None) -> str:
    """The filter controls and the ledger table. The filters are plain HTML; the page's own
    script (``claims_filter.js``, added by the build to this page only) makes them work.
    The chapters that show each claim are filled in by the build
    (:func:`belarus_book.sphinx.ledger.fill_chapters`), from what each chapter recorded when
    it ran, which this page's own run cannot know."""
    # The page runs in its own folder (appendix/): its chapters are the edition's own.
    beside = Path.cwd().parent / "chapters"
    chapters_dir = (Path(chapters_dir) if chapters_dir is not None
                    else beside if beside.is_dir() else find_data_dir().parent / "chapters")
    titles = chapter_titles(chapters_dir)
    sources = sorted(frame["source_short"].dropna().unique(), key=str.casefold)
    n = len(frame)
    form = (
        '<form class="claims-filter" id="claims-filter" '
        'style="display:flex;flex-wrap:wrap;gap:0.5rem 1rem;align-items:flex-end;margin-bottom:0.5rem">'
        f'<div><label for="claims-q">{tr("Search the claims")}</label><br>'
        '<input type="search" id="claims-q" name="q" autocomplete="off" size="22"></div>'
        f'<div><label for="claims-status">{tr("Status")}</label><br><select id="claims-status" name="status">'
        f'<option value="">{tr("all statuses")}</option>'
        + _options((s, tr(s)) for s in STATUSES) + '</select></div>'
        f'<div><label for="claims-chapter">{tr("Chapter")}</label><br><select id="claims-chapter" name="chapter">'
        f'<option value="">{tr("all chapters")}</option>'
        + _options(titles.items()) + f'<option value="none">{tr("no chapter")}</option></select></div>'
        f'<div><label for="claims-source">{tr("Source")}</label><br><select id="claims-source" name="source">'
        f'<option value="">{tr("all sources")}</option>' + _options((s, s) for s in sources) + '</select></div>'
        f'<div><button type="reset">{tr("Show all")}</button></div>'
        '</form>'
        f'<p id="claims-count" role="status" aria-live="polite">{tr("Showing all {n} claims.").format(n=n)}</p>'
        f'<p>{tr(LEDGER_CSV)}</p>'
    )
    body = []
    for _, r in frame.iterrows():
        lang = r["language"] or "en"
        evidence = f'“{in_language(balanced(r["excerpt"], lang), lang)}”'
        translated = r["translation"] or no_translation_needed()
        if translated:
            evidence += (f'<br><em>{esc(translated)}</em>'
                         + (f" ({tr('our translation')})" if r["translation"] else ""))
        where = citation_html(r["source_id"])
        if r["claim_date"]:
            where += f'<br>{tr("When")}: {esc(r["claim_date"])}'
        # The status comes first: it is what the page is for, and a phone shows it unscrolled.
        body.append(
            f'<tr data-claim="{esc(r["claim_id"], quote=True)}" data-status="{esc(r["status"], quote=True)}" '
            f'data-chapters="" '
            f'data-source="{esc(r["source_short"], quote=True)}">'
            f'<td class="claims-status"><strong>{esc(tr(r["status"]))}</strong><br>{esc(r["status_reason"])}</td>'
            f'<td>{esc(r["claim_en"])}</td><td>{esc(r["claimant"])}</td><td>{where}</td>'
            f'<td>{evidence}</td><td class="claim-chapters"></td>'
            f'<td><a href="data.html#table-{esc(r["table"], quote=True)}">{esc(r["claim_id"])}</a></td>'
            '</tr>')
    head = "".join(f'<th scope="col">{tr(h)}</th>' for h in (
        "Status", "Claim", "Who makes it", "Where and when", "Evidence", "Chapters", "Row"))
    table = (
        '<div class="pst-scrollable-table-container claims-ledger" tabindex="0" role="region" '
        'aria-labelledby="claims-caption">'
        '<table class="table" id="claims-table">'
        f'<caption id="claims-caption">{tr("Claims ledger: {n} claims and how sure each is").format(n=n)}</caption>'
        f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'
    )
    return form + table
