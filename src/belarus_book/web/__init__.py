"""What a reader's browser gets besides the pages: chart HTML and the Vega bundle, the
scripts in ``js/``, where things go in the site (:mod:`.layout`) and the code colours.

Nothing here imports pandas, Altair or Sphinx: the build's extension and the commands use
these modules without paying for the chapters' libraries.
"""

from pathlib import Path

#: The site's own scripts (chart loader, tabs and views, the ledger's filters).
JS_DIR = Path(__file__).resolve().parent / "js"
