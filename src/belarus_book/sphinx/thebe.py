"""sphinx-thebe's scripts and stylesheet left out of every page while live code is off.

Jupyter Book always loads sphinx-thebe, even with ``launch_buttons: thebe: false``. Its
scripts then only name a CDN address, declare it twice (a console error) and load a file
with nothing to do, and each page ends with a configuration naming a Binder example
repository that is not ours (and a global ``kernelName``).
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx

# What sphinx-thebe appends to every page's body: its configuration and a kernel name.
_THEBE_CONFIG = re.compile(
    r'\s*<script type="text/x-thebe-config">.*?</script>\s*<script>kernelName = [^<]*</script>', re.S)


def _is_thebe_asset(asset) -> bool:
    return ("sphinx-thebe" in str(asset.filename or "")
            or "THEBE_JS_URL" in asset.attributes.get("body", ""))


def drop_idle_thebe(app: Sphinx, pagename: str, context: dict) -> None:
    if (app.config.html_theme_options.get("launch_buttons") or {}).get("thebe"):
        return
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe_asset(asset)]
    if "body" in context:
        context["body"] = _THEBE_CONFIG.sub("", context["body"])
