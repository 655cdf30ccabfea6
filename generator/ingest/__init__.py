"""ingest: page URLs, saved pages and feeds (RSS, Atom, OPML lists) in; new seeds (a page
and its sidecar) in the seeds folder out.

The one package that opens network connections, and only for ``briefing add`` and
``briefing fetch``: ``fetch`` does HTTP under its limits, ``feeds`` reads feeds and OPML,
``seedwriter`` stages, checks and publishes seed files without overwriting any, ``intake``
runs a command over them. It writes what the ``read`` stage reads, and may import that stage
and the shared modules only, never a later stage or MkDocs.
"""
