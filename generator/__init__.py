"""Briefings: news articles in, a briefing site out. The folder tree is the data flow:

    seeds/ --read--> Article --analyze--> Briefing --corpus--> Catalog --publish--> Page --> MkDocs
           read/              analyze/              corpus/              publish/         plugin.py

Each stage package is a function of the previous stage's frozen values (``model.py``);
``site.Generator`` runs them in order and owns everything kept between runs (memos, the
analysis cache). ``plugin.py`` (MkDocs) and ``cli.py`` are the adapters at the edge; the
core never imports MkDocs.
"""
