"""HTML pages to `Article`s: the main text and its metadata, via trafilatura.

A news page is mostly navigation, ads and related links; trafilatura finds the article
body and reads title, date, site name, author and canonical URL from meta tags and
JSON-LD, which is what kg needs for identity (URL) and for dating relative times.
"""

from __future__ import annotations

import logging
import re

from ..errors import InputError
from ..models import Article
from .dates import parse_date

__all__ = ["article_from_html"]

MIN_WORDS = 12  # a page whose main text is shorter is a menu, a login wall or an error page
_SENTENCE = re.compile(r"\w+(?:\s+\S+){5,}?[.!?\"”’]")  # at least one sentence of 6+ words

# trafilatura logs "discarding data" etc. at WARNING for perfectly ordinary pages
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def article_from_html(data: bytes | str, origin: str, url: str | None = None) -> Article:
    """The article in one HTML page. `url` is where it was fetched from; the page's own
    canonical URL wins over it, so the same story reached by two links is one article."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a dependency, but say what to install
        raise InputError(f"{origin}: reading HTML needs the trafilatura package") from None
    from ..ingest import clean_text

    if isinstance(data, bytes) and not data.strip():
        raise InputError(f"{origin}: empty")
    try:
        doc = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
    except Exception as e:  # noqa: BLE001 - trafilatura raises assorted parser errors
        raise InputError(f"{origin}: cannot parse the HTML ({type(e).__name__}: {e})") from None
    text = getattr(doc, "text", None) or "" if doc is not None else ""
    text, removed = clean_text(text)
    if len(text.split()) < MIN_WORDS or not _SENTENCE.search(text):
        raise InputError(f"{origin}: no article text found in the HTML page (only menus, links or markup)")
    title = (getattr(doc, "title", None) or "").strip()
    try:
        published = parse_date(getattr(doc, "date", None))
    except ValueError:
        published = None  # a page's odd date markup is not a reason to lose the article
    canonical = getattr(doc, "url", None) or url
    if canonical and not canonical.startswith(("http://", "https://")):
        canonical = url
    return Article(
        text=text,
        title=title,
        url=canonical,
        published=published,
        publisher=(getattr(doc, "sitename", None) or None),
        author=(getattr(doc, "author", None) or None),
        origin=origin,
        removed_boilerplate=removed,
    )
