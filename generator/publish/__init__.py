"""publish: the ``Catalog`` in, ``Page`` values out: Markdown pages through the Jinja2
templates (``pages``) and, side by side, the exports (``exports``: briefings.json, the Atom
feed, JSON-LD; ``citation``: BibTeX, CSL-JSON), every text through the escaping filters of
``escape``. Nothing here analyses; nothing here writes files.
"""
