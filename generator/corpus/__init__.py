"""corpus: every ``Briefing`` in, one ``Catalog`` out: the actors across articles (one per
real entity), the merged timeline, related briefings and tags. Computed here, once, so
that publishing only formats.
"""
