"""analyze: one ``Article`` in, one ``Briefing`` out.

``document`` splits the article once (sentences, tokens, paragraphs); each analyzer is a
function of that ``Document``: ``actors``, ``timeline`` (dates), ``figures`` (with
``measures``: what each figure measures), ``summary``,
``sections``, ``sources``. ``briefing`` runs them and applies the analyst's overrides
(``editorial``); ``lexicon`` holds the word lists and the data packages' lookups, ``text``
the span and slug helpers.
"""
