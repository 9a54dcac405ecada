"""Which tables hold claims, and the column that names each claim.

Every row of these tables is one claim in the claims ledger (:mod:`belarus_book.claims`).
This lives beside the data, not with the ledger, because the text helpers need it too
(a chapter's record of the claims it shows) and must not import the ledger.
"""

#: Claim tables and their id columns, in the order the ledger lists them.
CLAIM_TABLES = {
    "events": "event_id", "figures": "figure_id", "polls": "poll_id", "quotes": "quote_id",
    "arguments": "argument_id", "support": "support_id",
    "political_prisoners": "record_id", "economy": "indicator_id",
}
