"""Valid HTML: the Nu Html Checker (vnu.jar, pinned in package-lock.json) on every built page.

No error and no warning may come from the pages' own content. What the stock theme and
tools write into every page, and we do not override, is allowed below, each entry with the
reason it is left. Plain "info" messages (for example about "/>" on void elements, which
Sphinx writes everywhere and HTML allows) are not warnings and are ignored.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ..helpers import IN_CI, ROOT, SITE, all_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (pattern of the message, why it is left). Each matches text the theme writes, not ours.
ALLOWED = [
    # myst-nb's toggle for hidden cells puts <p class="collapsed|expanded admonition-title">
    # inside <summary>; myst-nb's own CSS shows and hides them by those <p> selectors, so
    # rewriting them would need a copy of that CSS. Browsers and screen readers handle it.
    (r"Element “p” not allowed as child of element “summary” in this context",
     "myst-nb hidden-cell toggle"),
    # pydata-sphinx-theme's layout writes <main id="main-content" class="bd-main" role="main">.
    (r"The “main” role is unnecessary for element “main”", "pydata-sphinx-theme layout"),
    # The theme wraps each page's <section><h1> in <article class="bd-article">: the checker
    # then counts the h1 as nested, and the article as having no heading of its own.
    (r"Consider using the “h1” element as a top-level heading only", "theme <article> around <section><h1>"),
    (r"Article lacks heading", "theme <article> around <section><h1>"),
]
# Sphinx's generated index page (genindex.html) starts with an empty <h1></h1> when there are
# no index entries; the page is the theme's, not the book's.
ALLOWED_ON = {"genindex.html": [(r"^Empty heading\.$", "Sphinx/theme genindex template")]}


def allowed(page: str, message: str) -> bool:
    patterns = ALLOWED + ALLOWED_ON.get(page, [])
    return any(re.search(pattern, message) for pattern, _why in patterns)


@pytest.fixture(scope="module")
def messages() -> dict[str, list[dict]]:
    """All checker messages, per page, from one run of vnu.jar over the whole site."""
    if not VNU.exists() or not shutil.which("java"):
        text = "the Nu Html Checker needs java and `npm ci` (make test runs it)"
        if IN_CI:
            pytest.fail(text)
        pytest.skip(text)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--skip-non-html",
         *[str(SITE / p) for p in all_pages()]],
        capture_output=True, text=True, timeout=600,
    )
    report = json.loads(result.stderr)  # vnu writes its JSON report to stderr
    by_page: dict[str, list[dict]] = {p: [] for p in all_pages()}
    for m in report["messages"]:
        url = m.get("url", "")
        path = Path(url.removeprefix("file:")).resolve() if url else None
        page = path.relative_to(SITE.resolve()).as_posix() if path else "?"
        by_page.setdefault(page, []).append(m)
    return by_page


def test_site_has_pages():
    pages = all_pages()
    assert "index.html" in pages and any(p.startswith("chapters/") for p in pages)


def test_checker_reports_only_on_known_pages(messages):
    pages = all_pages()
    unknown = {p: m for p, m in messages.items() if p not in pages}
    assert not unknown, f"the checker failed on something other than a page: {unknown}"


def test_page_has_no_html_error_or_warning(messages, site_page):
    problems = [
        f"line {m.get('lastLine')}: {m['type']}{'/' + m['subType'] if m.get('subType') else ''}: "
        f"{m['message']}\n    {m.get('extract', '').strip()[:160]}"
        for m in messages.get(site_page, [])
        if (m["type"] in ("error", "non-document-error") or m.get("subType") == "warning")
        and not allowed(site_page, m["message"])
    ]
    assert not problems, f"{site_page}:\n" + "\n".join(problems)
