"""``{claims}`ev-001-x fig-army-cia```: the claims a summary sentence rests on.

Bottom lines, key takeaways and captions say in a sentence what many rows show; the role
ties such a sentence to those rows. On the page it is a link, "(evidence)", to the claims
ledger filtered to them, where each shows its source, excerpt and status; the summary tests
(``tests/test_summaries.py``) read the same ids to check that the sentence claims no more
than the ledger backs. An id that is no claim is a warning, so the strict build fails.
"""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path

from docutils import nodes

from ..data import find_data_dir, read_package
from ..data.claim_tables import CLAIM_TABLES
from ..data.files import read_rows
from ..i18n import tr

#: The ledger page, as a docname.
LEDGER_DOC = "appendix/claims"


@cache
def _claim_ids(data_dir: Path) -> frozenset[str]:
    resources = {r["name"]: r for r in read_package(data_dir)["resources"]}
    ids = set()
    for table, key in CLAIM_TABLES.items():
        header, rows = read_rows(data_dir / resources[table]["path"])
        ids.update(record[header.index(key)] for _, record in rows)
    return frozenset(ids)


def ledger_link(docname: str, ids: list[str]) -> str:
    """The address of the ledger filtered to ``ids``, relative to the page ``docname``."""
    page = posixpath.relpath(f"{LEDGER_DOC}.html", posixpath.dirname(docname) or ".")
    return f"{page}?claims={','.join(ids)}"


def claims_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    env = inliner.document.settings.env
    ids = text.split()
    unknown = sorted(set(ids) - _claim_ids(find_data_dir(Path(env.srcdir))))
    if not ids or unknown:
        message = inliner.reporter.warning(
            f"{{claims}} needs the ids of claims in the data; not claims: {unknown or '(none given)'}",
            line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    link = nodes.reference(rawtext, tr("evidence"), refuri=ledger_link(env.docname, ids),
                           classes=["bb-claims"])
    return [nodes.Text("("), link, nodes.Text(")")], []
