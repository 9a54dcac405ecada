"""The book's commands: ``python -m belarus_book build|pdf|dist|bench|lighthouse [BOOK_DIR]``.

One module per command, each with a ``run(book)`` function; :mod:`.chromium` holds the local
server and the browser launcher they share.
"""
