"""The book's Sphinx extension: its build-time plumbing, one module per job.

- :mod:`.data_check`: validates ``data/`` before any chapter runs; keys the execution cache
  on the data and this package.
- :mod:`.prerun`: executes the pages about to be read side by side, into that cache.
- :mod:`.chart_files`: the site's Vega bundle, and each chart page's specs file.
- :mod:`.pages`: rewrites every page, in one explicit order (chart scripts, download box,
  claims filter, sphinx-thebe's leftovers, markup fixes (:mod:`.a11y`), slimmer code
  highlighting (:mod:`.highlight`), link previews (:mod:`.social`), deferred scripts and
  the theme's scripts loaded on first use (:mod:`.pagespeed`)).
- :mod:`.icons`: the theme's icons as a small stylesheet instead of the Font Awesome kit;
  :mod:`.unused_css`: the theme's and extensions' stylesheets without the rules no page uses.
- :mod:`.claims_role`: ``{claims}``, the claims a summary sentence rests on, linked.
- :mod:`.records`: what each chapter recorded it used (tables, sources, claims).
- :mod:`.downloads`: each chapter's download box; :mod:`.notebooks`: the notebook editions
  it offers; :mod:`.site_files`: ``data/`` and ``claims.csv`` in the site; :mod:`.wheel`: the
  package's wheel; :mod:`.sitemap`; :mod:`.static_files`: pages rewritten when a stylesheet
  or template changed; :mod:`.version`: the book's version in every footer; :mod:`.social`
  also renders the marks to PNG.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import (
    a11y,
    chart_files,
    claims_role,
    data_check,
    editions,
    highlight,
    icons,
    ledger,
    notebooks,
    pages,
    pagespeed,
    prerun,
    records,
    site_files,
    sitemap,
    social,
    static_files,
    unused_css,
    version,
    wheel,
)


def setup(app: Sphinx) -> dict:
    # What a shared link's preview says on the home page; set in _config.yml.
    app.add_config_value("bb_social_description", "", "html")
    app.add_css_file(icons.CSS_NAME)
    app.add_role("claims", claims_role.claims_role)
    editions.setup_editions(app)

    app.connect("config-inited", prerun.tell_kernels)
    app.connect("config-inited", data_check.check_data_and_key_cache)
    app.connect("config-inited", version.add_version)
    app.connect("config-inited", highlight.use_book_styles)
    app.connect("builder-inited", chart_files.write_bundle)
    app.connect("builder-inited", ledger.write_script)
    app.connect("builder-inited", pagespeed.write_theme_loader)
    app.connect("env-get-outdated", static_files.pages_of_changed_static_files)
    app.connect("env-get-outdated", ledger.reread_ledger)
    app.connect("env-before-read-docs", notebooks.note_pages_read)
    app.connect("env-before-read-docs", prerun.prerun)
    app.connect("doctree-resolved", a11y.exercise_sections_to_containers)
    app.connect("html-page-context", pages.rewrite_page)
    app.connect("build-finished", site_files.publish_data)
    app.connect("build-finished", records.compare_editions)
    app.connect("build-finished", notebooks.publish_notebooks)
    app.connect("build-finished", social.render_marks)
    app.connect("build-finished", sitemap.write_after_build)
    app.connect("build-finished", wheel.publish_wheel)
    app.connect("build-finished", icons.drop_kit)
    # After the other extensions' handlers, which copy stylesheets of their own.
    app.connect("build-finished", unused_css.slim_theme_stylesheets, priority=900)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
