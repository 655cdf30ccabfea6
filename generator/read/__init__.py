"""read: a seeds folder in, validated ``Article`` values and ``SeedProblem`` reports out.

``seeds`` reads the seed formats (plain text with a header, Markdown with front matter,
saved HTML pages), ``metadata`` validates sidecars and front matter against the declared
schema, ``files`` finds and opens only regular files inside the folder, ``html`` extracts an
article from a saved page. Nothing here interprets article text as markup.
"""
