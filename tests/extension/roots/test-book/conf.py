# A tiny book for the extension's unit tests: the book's theme and page tools around a few
# hand-written pages. Nothing is executed (a chapter's outputs come from the execution cache
# a test fills), and data/ is the repository's own (belarus_book.data.find_data_dir).
extensions = ["myst_nb", "sphinx_exercise", "sphinx_thebe", "belarus_book.sphinx"]
exclude_patterns = ["_build"]
html_theme = "sphinx_book_theme"
html_title = "A test book"
# As Jupyter Book configures sphinx-thebe with live code off (launch_buttons: thebe: false).
html_theme_options = {"launch_buttons": {"thebe": False}}
# In full: sphinx-thebe adds what is missing when reading, and a configuration that changed
# since the last build would make every build read every page again.
thebe_config = {"always_load": False, "selector": ".thebe,.cell", "selector_input": "pre",
                "selector_output": ".output, .cell_output"}
nb_execution_mode = "off"
# As Jupyter Book sets it: a page's source is published under its own name.
html_sourcelink_suffix = ""
# A list of this project's own: the theme appends its folders to it, and to Sphinx's default
# list that would carry over from one test's build to the next in the same process.
templates_path = []
html_static_path = ["_static"]
