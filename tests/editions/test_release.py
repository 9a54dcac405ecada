"""Releases: one version everywhere, the changelog, the sitemap, the publishing workflow."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import yaml

from belarus_book.sphinx import sitemap, social
from belarus_book.web import layout

from ..helpers import ROOT, SITE

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_installed_package_has_the_pyproject_version():
    # A stale editable install would put an old version in the footer: `make` reinstalls
    # whenever pyproject.toml changes.
    assert layout.book_version() == VERSION


def test_citation_has_the_package_version():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(citation["version"]) == VERSION


def test_changelog_records_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(VERSION)}\b", changelog, re.M), f"no section for {VERSION}"


def test_every_page_footer_shows_the_version(site):
    for page in ["index.html", *[p.relative_to(SITE).as_posix() for p in SITE.glob("chapters/*.html")]]:
        text = (SITE / page).read_text(encoding="utf-8")
        assert f'<p class="bb-version">Edition {VERSION}</p>' in text, page


def test_sitemap_lists_every_page_under_the_base_url(tmp_path):
    app = SimpleNamespace(
        config=SimpleNamespace(html_baseurl="https://example.org/belarus-2022"),
        builder=SimpleNamespace(format="html", get_target_uri=lambda doc: f"{doc}.html"),
        env=SimpleNamespace(found_docs={"index", "chapters/mobilisation", "appendix/data"}),
        outdir=str(tmp_path),
    )
    path = sitemap.write_sitemap(app)
    root = ET.parse(path).getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert locs == [
        "https://example.org/belarus-2022/appendix/data.html",
        "https://example.org/belarus-2022/chapters/mobilisation.html",
        "https://example.org/belarus-2022/index.html",
    ]


def test_no_sitemap_without_a_base_url(tmp_path, site):
    app = SimpleNamespace(config=SimpleNamespace(html_baseurl=""), builder=SimpleNamespace(format="html"),
                          outdir=str(tmp_path))
    assert sitemap.write_sitemap(app) is None
    assert not list(tmp_path.iterdir())
    baseurl = (yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8")).get("html") or {}).get("baseurl")
    assert (SITE / "sitemap.xml").exists() == bool(baseurl)


def test_sitemap_escapes_addresses():
    text = sitemap.sitemap_xml("https://example.org/a&b/", ["x.html"])
    assert "<loc>https://example.org/a&amp;b/x.html</loc>" in text
    ET.fromstring(text)


def test_workflow_tests_every_push_and_deploys_main_to_pages():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "book.yml").read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as True
    assert "push" in triggers and "pull_request" in triggers
    steps = [step.get("run", "") + step.get("uses", "") for job in workflow["jobs"].values()
             for step in job["steps"]]
    # The workflow runs the CI entry point, which holds the only copy of the set-up
    # (Chromium, or the runner's Chrome through BELARUS_BOOK_CHROMIUM) and runs `make test`.
    assert any(".ci/run" in s for s in steps)
    assert not any("apt-get" in s for s in steps)
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci_run and "BELARUS_BOOK_CHROMIUM" in ci_run
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert any(s.startswith(action) for s in steps), action


def test_page_description_is_the_first_paragraph_of_running_text():
    body = ('<h1>Title</h1><div class="admonition note"><p>' + "Boxed text, not a summary. " * 4
            + '</p></div><p>Short.</p><p>' + "The page's real first paragraph of text, long enough. " * 6
            + "</p>")
    text = social.page_description(body)
    assert text.startswith("The page's real first paragraph")
    assert len(text) <= 201 and text.endswith("…")


def test_each_page_has_its_own_link_preview_description(site):
    pages = ["index.html", *[p.relative_to(SITE).as_posix() for p in sorted(SITE.glob("*/*.html"))
                             if p.parent.name in ("chapters", "appendix")]]
    seen = {}
    for page in pages:
        text = (SITE / page).read_text(encoding="utf-8")
        og = re.search(r'<meta property="og:description" content="([^"]+)"', text)
        meta = re.search(r'<meta name="description" content="([^"]+)"', text)
        assert og and meta, f"{page} has no description for link previews"
        assert og.group(1) == meta.group(1)
        seen.setdefault(og.group(1), []).append(page)
    repeated = {d: p for d, p in seen.items() if len(p) > 1}
    assert not repeated, f"pages sharing one description: {repeated}"
