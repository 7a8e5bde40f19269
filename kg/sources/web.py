"""Articles from the web: single pages and RSS/Atom feeds, fetched with care.

Every fetch has connect and read timeouts plus an overall deadline (a server dripping one
byte a second never trips a read timeout), a size cap enforced while streaming (a 2 GB
answer costs at most `max_bytes` of memory), a bounded number of redirects, a content-type
check, and a User-Agent that says who is asking.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import requests

from ..errors import InputError
from ..models import Article
from .dates import parse_date

__all__ = ["USER_AGENT", "Fetched", "fetch", "iter_feed", "iter_url"]

USER_AGENT = "kg/0.1 (news knowledge-graph builder)"
MAX_REDIRECTS = 5
CHUNK = 64 * 1024

HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}
FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
}

Item = tuple[str, "Article | InputError"]


@dataclass
class Fetched:
    url: str  # after redirects
    content_type: str  # media type only, lower case
    charset: str | None
    data: bytes


_session: requests.Session | None = None


def _get_session() -> requests.Session:
    global _session
    if _session is None:
        s = requests.Session()
        s.headers["User-Agent"] = USER_AGENT
        s.headers["Accept"] = (
            "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5"
        )
        s.max_redirects = MAX_REDIRECTS
        s.trust_env = False  # no proxies or netrc picked up behind the user's back
        _session = s
    return _session


def fetch(url: str, max_bytes: int, timeout: float) -> Fetched:
    """GET `url` within the limits; every failure is an InputError naming the URL."""
    deadline = time.monotonic() + 3 * timeout
    try:
        resp = _get_session().get(url, stream=True, timeout=(min(timeout, 10.0), timeout))
    except requests.TooManyRedirects:
        raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)") from None
    except requests.Timeout:
        raise InputError(f"{url}: timed out after {timeout:g} s") from None
    except requests.ConnectionError as e:
        raise InputError(f"{url}: cannot connect ({_reason(e)})") from None
    except requests.RequestException as e:
        raise InputError(f"{url}: request failed ({_reason(e)})") from None
    with resp:
        if resp.status_code >= 400:
            raise InputError(f"{url}: HTTP {resp.status_code} {resp.reason or ''}".rstrip())
        media = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise InputError(f"{url}: {int(declared)} bytes is over the {max_bytes}-byte limit")
        buf = bytearray()
        try:
            for chunk in resp.iter_content(CHUNK):
                buf += chunk
                if len(buf) > max_bytes:
                    raise InputError(f"{url}: more than {max_bytes} bytes; stopped reading at the limit")
                if time.monotonic() > deadline:
                    raise InputError(f"{url}: still downloading after {3 * timeout:g} s; gave up")
        except requests.RequestException as e:
            kind = "timed out" if isinstance(e, requests.Timeout) else "connection broke"
            raise InputError(f"{url}: {kind} while reading ({_reason(e)})") from None
        charset = resp.encoding if "charset" in resp.headers.get("Content-Type", "") else None
        return Fetched(resp.url, media, charset, bytes(buf))


def _reason(e: Exception) -> str:
    text = str(e.args[0] if e.args else e)
    return text.split(": ", 1)[-1][:160] if len(text) > 160 else text


def _article(f: Fetched, origin: str) -> Article:
    from ..ingest import clean_text, decode
    from .html import article_from_html

    if f.content_type in HTML_TYPES or (not f.content_type and f.data.lstrip()[:1] == b"<"):
        return article_from_html(f.data, origin, url=f.url)
    if f.content_type in TEXT_TYPES:
        raw = f.data.decode(f.charset) if f.charset else decode(f.data, origin)
        text, removed = clean_text(raw)
        if not text:
            raise InputError(f"{origin}: empty")
        title = text.split("\n", 1)[0].strip()
        return Article(text=text, title=title, url=f.url, origin=origin, removed_boilerplate=removed)
    raise InputError(
        f"{origin}: content type {f.content_type or '(none)'!r} is not HTML, plain text or a feed"
    )


def iter_url(url: str, max_bytes: int, timeout: float, feed: bool = False) -> Iterator[Item]:
    """The article at `url`, or every entry's article when it is a feed (by content type,
    or because the caller said `feed`)."""
    f = fetch(url, max_bytes, timeout)
    if feed or f.content_type in FEED_TYPES:
        yield from iter_feed(f.data, url, max_bytes, timeout)
        return
    yield url, _article(f, url)


def iter_feed(data: bytes, origin: str, max_bytes: int, timeout: float) -> Iterator[Item]:
    """Fetch the page each feed entry links to; the entry fills in what the page lacks."""
    try:
        import feedparser
    except ImportError:  # pragma: no cover
        raise InputError(f"{origin}: reading feeds needs the feedparser package") from None
    parsed = feedparser.parse(data)
    version = parsed.get("version") or ""
    if not version or (parsed.get("bozo") and not parsed.entries):
        why = parsed.get("bozo_exception")
        raise InputError(f"{origin}: not a valid RSS or Atom feed" + (f" ({str(why)[:120]})" if why else ""))
    if not parsed.entries:
        raise InputError(f"{origin}: the feed has no entries")
    outlet = (parsed.feed.get("title") or "").strip() or None
    for i, entry in enumerate(parsed.entries, 1):
        link = (entry.get("link") or "").strip()
        if not link.startswith(("http://", "https://")):
            yield f"{origin}#{i}", InputError(f"{origin}: entry {i} has no http(s) link")
            continue
        try:
            art = _article(fetch(link, max_bytes, timeout), link)
        except InputError as e:
            yield link, e
            continue
        if not art.title:
            art.title = (entry.get("title") or "").strip()
        if art.published is None:
            for key in ("published", "updated"):
                try:
                    art.published = parse_date(entry.get(key))
                except ValueError:
                    continue
                if art.published:
                    break
        art.publisher = art.publisher or outlet
        art.author = art.author or (entry.get("author") or None)
        yield link, art
