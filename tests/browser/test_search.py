"""Search works offline: the search page finds the book's pages without leaving the site."""

from __future__ import annotations


def test_search_works_offline(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    outside = []

    def route(r):
        if r.request.url.startswith(site_url):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    try:
        page.goto(site_url + "search.html?q=Lukashenko", wait_until="load")
        results = page.locator("#search-results ul.search li")
        results.first.wait_for(timeout=20_000)
        assert results.count() > 0
        links = [a.get_attribute("href") for a in results.locator("a").all()]
        assert any("index.html" in h or "chapters/" in h for h in links if h), links
        assert outside == [], f"search reached outside the site: {outside}"
    finally:
        context.close()
