"""HTTP for ``briefing add`` and ``briefing fetch``: the one module of the generator that
opens a network connection (``build`` and ``serve`` never reach it).

Python's own ``urllib``, not a client library: every rule below is a few lines on top of
it and no dependency is added. Only the HTTP and HTTPS handlers are installed (no
``file:``, ``ftp:`` or ``data:``), and redirects are followed here, one hop at a time, so
that each hop is checked like the first URL: its scheme, robots.txt, the host's delay, and
the count of hops (a loop is named as one). A page is read in chunks up to its size limit
and within its time limit, whatever the server declares or how slowly it sends.

Every refusal is a :class:`FetchError` whose text is the reason a user reads after the URL:
``timeout (no answer within 20 s)``, ``HTTP 404 Not Found``, ``redirect loop``, ``too large
(over 1,000,000 bytes)``, ``disallowed by robots.txt``.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from importlib import metadata

try:
    _VERSION = metadata.version("briefings")
except metadata.PackageNotFoundError:  # a source tree that was not installed
    _VERSION = "0"

USER_AGENT = f"Briefings/{_VERSION} (news briefing site generator; fetches the pages and feeds its user lists)"
"""Sent with every request; robots.txt rules for ``Briefings`` (or ``*``) apply to it."""
SCHEMES = ("http", "https")
ROBOTS_MAX_BYTES = 500_000
"""robots.txt past this is cut here (RFC 9309 asks crawlers to read at least 500 KiB)."""
CRAWL_DELAY_MAX = 60.0
"""A robots.txt ``Crawl-delay`` is honoured up to this many seconds (a day-long delay would
stall a fetch; the host's pages are still fetched, more slowly than it asks)."""
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How politely and how far a fetch goes; the command line fills them."""

    timeout: float = 20.0
    """Seconds for a connection to answer, and for a whole page to arrive."""
    max_bytes: int = 1_000_000
    """Largest page (or feed) read, in bytes; the seed reader's ``max_bytes`` by default."""
    max_redirects: int = 5
    """Redirect hops followed for one URL."""
    delay: float = 1.0
    """Seconds between two requests to one host (robots.txt's Crawl-delay when longer)."""
    respect_robots: bool = True
    """Fetch only what the host's robots.txt allows."""
    user_agent: str = USER_AGENT


class FetchError(Exception):
    """A URL not fetched; the message is the reason, for one line after the URL."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status
        """The HTTP status of an error answer (404), None for other failures."""


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    """The URL asked for."""
    final_url: str
    """Where the content came from, after redirects."""
    content_type: str
    """The media type, lowercase, without parameters ("" when the server sent none)."""
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses; :meth:`Fetcher.get` follows them itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Fetcher:
    """GET requests under :class:`FetchOptions`, with one robots.txt and one clock per host."""

    def __init__(self, options: FetchOptions = FetchOptions(), clock=time.monotonic, sleep=time.sleep) -> None:
        self.options = options
        self._clock, self._sleep = clock, sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | FetchError | None] = {}
        """Per origin: its rules, None (no robots.txt), or why it could not be read."""
        handlers = (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(), urllib.request.HTTPSHandler(), _NoRedirect(), urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor())
        self._opener = urllib.request.OpenerDirector()
        for handler in handlers:
            self._opener.add_handler(handler)

    def get(self, url: str, accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5") -> Response:
        """The content at ``url``, redirects followed; :class:`FetchError` with the reason otherwise."""
        seen = {url}
        current = url
        for _ in range(self.options.max_redirects + 1):
            check_url(current)
            if self.options.respect_robots and not self._is_allowed(current):
                raise FetchError("disallowed by robots.txt (--no-respect-robots fetches it anyway)")
            status, location, response = self._request(current, accept, self.options.max_bytes)
            if location is None:
                return Response(url, current, *response)
            current = urllib.parse.urljoin(current, location)
            if current in seen:
                raise FetchError(f"redirect loop (back to {current} after {len(seen)} hop(s))")
            seen.add(current)
        raise FetchError(f"too many redirects (more than {self.options.max_redirects})")

    # -- one request ------------------------------------------------------------------------

    def _request(self, url: str, accept: str, max_bytes: int) -> tuple[int, str | None, tuple[str, bytes]]:
        """(status, redirect location or None, (content type, body))."""
        request = urllib.request.Request(url, headers={"User-Agent": self.options.user_agent, "Accept": accept, "Accept-Encoding": "identity"})
        self._wait_for(url)
        try:
            with self._opener.open(request, timeout=self.options.timeout) as answer:
                return answer.status, None, (_media_type(answer.headers), self._read(answer, max_bytes))
        except urllib.error.HTTPError as err:
            with err:
                if err.code in _REDIRECTS and err.headers.get("Location"):
                    return err.code, err.headers["Location"], ("", b"")
                raise FetchError(f"HTTP {err.code} {err.reason}".strip(), err.code) from None
        except urllib.error.URLError as err:
            raise FetchError(self._reason(err.reason)) from None
        except (TimeoutError, socket.timeout):
            raise FetchError(self._reason(TimeoutError())) from None
        except (http.client.HTTPException, OSError) as err:
            raise FetchError(f"bad answer from the server ({type(err).__name__}: {err})") from None
        finally:
            self._last[_host(url)] = self._clock()

    def _read(self, answer, max_bytes: int) -> bytes:
        declared = answer.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"too large ({int(declared):,} bytes; the limit is {max_bytes:,} bytes, --max-bytes)")
        deadline = self._clock() + self.options.timeout
        chunks, total = [], 0
        read = getattr(answer, "read1", answer.read)  # what has arrived, so the deadline is checked as a slow page trickles in
        while chunk := read(min(64 * 1024, max_bytes + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise FetchError(f"too large (over {max_bytes:,} bytes, the limit; --max-bytes)")
            if self._clock() > deadline:
                raise FetchError(f"timeout (the page took over {self.options.timeout:g} s to arrive)")
        return b"".join(chunks)

    def _reason(self, reason) -> str:
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return f"timeout (no answer within {self.options.timeout:g} s)"
        if isinstance(reason, socket.gaierror):
            return "unknown host"
        if isinstance(reason, ConnectionRefusedError):
            return "connection refused"
        return f"cannot connect ({reason})"

    def _wait_for(self, url: str) -> None:
        """Sleep until the host's delay since its last request has passed."""
        host = _host(url)
        last = self._last.get(host)
        if last is None:
            return
        wait = last + self._delay(url) - self._clock()
        if wait > 0:
            self._sleep(wait)

    def _delay(self, url: str) -> float:
        robots = self._robots.get(_origin(url)) if self.options.respect_robots else None
        asked = robots.crawl_delay(self.options.user_agent) if isinstance(robots, urllib.robotparser.RobotFileParser) else None
        return max(self.options.delay, min(float(asked or 0), CRAWL_DELAY_MAX))

    # -- robots.txt ----------------------------------------------------------------------------

    def _is_allowed(self, url: str) -> bool:
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        robots = self._robots[origin]
        if isinstance(robots, FetchError):
            raise robots
        return robots is None or robots.can_fetch(self.options.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | FetchError | None:
        """The host's rules (None: no robots.txt, everything allowed). As RFC 9309 says: a
        4xx answer allows everything; an unreachable robots.txt (5xx, timeout) allows
        nothing, and the reason is kept for each URL of the host."""
        url = origin + "/robots.txt"
        current = url
        for _ in range(self.options.max_redirects + 1):
            try:
                check_url(current)
                _, location, (_, body) = self._request(current, "text/plain", ROBOTS_MAX_BYTES)
            except FetchError as err:
                if err.status is not None and 400 <= err.status < 500:
                    return None
                return FetchError(f"robots.txt of {origin} could not be read ({err}); not fetched (--no-respect-robots fetches it anyway)")
            if location is None:
                parser = urllib.robotparser.RobotFileParser(url)
                parser.parse(body.decode("utf-8", "replace").splitlines())
                return parser
            current = urllib.parse.urljoin(current, location)
        return None  # endless redirects: treated as no robots.txt (RFC 9309: after 5 hops, "unavailable")


def check_url(url: str) -> None:
    """``FetchError`` unless ``url`` is an absolute http(s) URL with a host."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError as err:
        raise FetchError(f"not a valid URL ({err})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(f"not an http(s) URL (scheme {parts.scheme or 'missing'!r})")
    if not parts.hostname:
        raise FetchError("not a valid URL (no host)")


def is_url(text: str) -> bool:
    return urllib.parse.urlsplit(text).scheme.lower() in SCHEMES


def _media_type(headers) -> str:
    return (headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()


def _host(url: str) -> str:
    return (urllib.parse.urlsplit(url).hostname or "").lower()


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
