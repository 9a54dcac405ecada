"""The claims ledger: every claim in the book's data, with a status derived by stated rules.

A *claim* is a row of one of the claim tables (events, figures, polls, quotes, arguments,
forms of support, political prisoners, economy); bookkeeping tables (sources, people,
organisations, places) hold no claims. Each claim gets exactly one status, the first of
these rules that applies (the order is the precedence):

1. **unverified**: the source itself says the claim cannot be checked. In the data this is
   the claimant typed ``leak`` in ``figures.claimant_type`` (the leaked letter); every
   row of any table with the same claimant is unverified too.
2. **official claim** and 3. **announced, not verified**: the claim comes from an outside
   source whose caution says what its figures are (``sources.claim_status``): official
   results of a vote it does not consider free, an official statistic, or announced figures
   no one verified. The caution's words (``sources.claim_caution``) go with the status.
4. **disputed**: rows of one table in a comparison group (``conflict_group``), from different
   sources, give values that cannot both be right: their ranges do not meet once each is
   read at the precision and rounding it states (:mod:`~belarus_book.claims.readings`). A
   stated bound ("no fewer than 1437") is open on one side, and a source's own rounding of
   a figure it also gives (a subheading's "almost 1500") is compared through that figure.
5. **on record**: the claim comes from a vetted outside source (``sources.kind`` is
   ``context``), or an outside source in the same group says the same.
6. **several sources**: two or more different sources in the same group agree.
7. **single source**: everything else.

Groups are the ``conflict_group`` column where a table has one; a form of support is grouped
with every other row naming the same kind of support with the same status (given or withheld).
Answers to one survey question (one poll's ``question_en`` and fieldwork) share the status
that comes first among them.

Which chapters show a claim is what each chapter recorded when it ran (:mod:`belarus_book.data.shown`).
Pure Python and pandas; :func:`ledger` builds the whole table, :func:`assign_status` applies
the rules to any frame with the columns it names (so they can be tested on small fixtures).

A chapter's closing box counts the statuses of the claims it showed: its
:class:`~belarus_book.text.SourceLog` records their ids, and :func:`counts_sentence` (over
:func:`status_counts`) phrases the counts. That needs only the data, not the chapters'
sources, so it works in a reader's Jupyter with nothing but the package installed.

The parts: the rules (:mod:`~belarus_book.claims.status_rules`), the table and its counts
(:mod:`~belarus_book.claims.table`),
the published CSV (:mod:`~belarus_book.claims.published`) and the page
(:mod:`~belarus_book.claims.ledger_html`); this module gathers their public names.
"""

from ..data.claim_tables import CLAIM_TABLES
from .ledger_html import chapter_titles, counts_html, ledger_html
from .published import CSV_FIELDS, RESOURCE_NAME, write_published
from .status_rules import STATUS_LIMITS, STATUS_RULES, STATUSES, assign_status
from .table import counts_sentence, ledger, status_counts

__all__ = ["STATUSES", "STATUS_RULES", "CLAIM_TABLES", "STATUS_LIMITS", "CSV_FIELDS",
           "RESOURCE_NAME", "assign_status", "chapter_titles", "ledger",
           "status_counts", "counts_sentence", "counts_html", "ledger_html", "write_published"]
