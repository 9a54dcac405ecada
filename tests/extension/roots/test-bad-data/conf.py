# A project whose data/ has a bad row: the extension must stop before reading any page.
extensions = ["belarus_book.sphinx"]
exclude_patterns = ["_build"]
