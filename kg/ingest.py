"""Turn inputs into `Article` records: decode, split title from body, drop page furniture.

The stored text is the input's text with boilerplate lines removed and nothing else
changed, so every offset the extractor reports points at the article's own words.

`iter_articles` is the one entry point for everything `kg ingest` takes: `.txt`, `.html`,
`.json` / `.jsonl` / `.csv` records, http(s) URLs, RSS/Atom feeds, folders (recursively)
and `-` for standard input. It streams: one input is read only when the consumer asks for
the next article, so a corpus of any size is ingested in flat memory.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .models import Article
from .sources.dates import date_from_name
from .sources.language import english_or_reason
from .sources.records import FieldMap

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "SourceOptions",
    "clean_text",
    "decode",
    "iter_articles",
    "iter_paths",
    "read_article",
]

MAX_BYTES = 20 * 1024 * 1024  # one article; a bigger "article" is a dump or a mistake
TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | FEED_SUFFIXES
Item = tuple[str, "Article | InputError"]


@dataclass(frozen=True)
class SourceOptions:
    """How to read inputs: record field names, feed handling and the safety limits."""

    fields: FieldMap = field(default_factory=FieldMap)
    feed: bool = False  # treat URLs / XML files as RSS or Atom feeds regardless of content type
    max_bytes: int = MAX_BYTES
    timeout: float = 20.0  # seconds, per connect / read; downloads get 3x overall
    english_only: bool = True


# Page furniture: share/recommend widgets, e-mail forms, cookie banners, navigation.
# Matched against whole lines (stripped), case-insensitively.
_FURNITURE = re.compile(
    r"""^(?:
        recommend(?:\s+(?:this\s+)?article)?
      | (?:sender|receiver|recipient)'?s?\s+(?:name|e-?mail)\s*:?.*
      | (?:your\s+)?(?:name|e-?mail|message|comment)\s*[:*]\s*
      | share(?:\s+(?:this|on)\b.*)?
      | (?:tweet|print|e-?mail)(?:\s+(?:this|article|page))?
      | (?:subscribe|sign\s+up)\b.{0,80}newsletter.*
      | (?:we\s+use\s+cookies|this\s+(?:web)?site\s+uses\s+cookies|accept(?:\s+all)?\s+cookies).*
      | (?:related|recommended|more|popular)\s+(?:articles?|stories|posts|news|reads)\s*:?
      | read\s+more\s*:?.{0,80}
      | follow\s+us\s+on\b.{0,80}
      | click\s+here\b.{0,80}
      | advertisement
      | send
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def decode(data: bytes, origin: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is
    refused rather than guessed, because a wrong guess silently corrupts every offset."""
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{origin}: looks like a binary file (NUL bytes), not article text")
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{origin}: not valid UTF-8 (byte {e.start}: {data[e.start : e.start + 1]!r}); "
            "convert the file to UTF-8"
        ) from None


def clean_text(text: str) -> tuple[str, list[str]]:
    """Drop furniture lines and trailing blank space; return the text and what was removed.

    Line breaks are normalised to "\\n" first so offsets do not depend on the platform
    that wrote the file.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept: list[str] = []
    removed: list[str] = []
    for line in text.split("\n"):
        if line.strip() and _FURNITURE.match(line.strip()):
            removed.append(line.strip())
        else:
            kept.append(line)
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    return out, removed


def read_article(path: str | Path, max_bytes: int = MAX_BYTES) -> Article:
    """Read one `.txt` or `.html` article. In a `.txt` file the first non-empty line is the
    title, the rest the body; an HTML page's title and metadata come from its markup.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(p, "w").write("Talks in Geneva\\n\\nThe envoy said talks resume.\\n\\nRecommend article\\n")
    >>> a = read_article(p)
    >>> a.title, a.text.endswith("resume."), a.removed_boilerplate
    ('Talks in Geneva', True, ['Recommend article'])
    """
    p = Path(path)
    origin = str(p)
    if not p.exists():
        raise InputError(f"{origin}: no such file or folder")
    if not p.is_file():
        raise InputError(f"{origin}: not a regular file")
    suffix = p.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise InputError(
            f"{origin}: unsupported file type {p.suffix or '(none)'!r}; "
            f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    size = p.stat().st_size
    if size > max_bytes:
        raise InputError(f"{origin}: {size} bytes is over the {max_bytes}-byte limit for one article")
    data = p.read_bytes()
    if suffix in HTML_SUFFIXES:
        from .sources.html import article_from_html

        if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise InputError(f"{origin}: looks like a binary file (NUL bytes), not HTML")
        return article_from_html(data, origin)
    return text_article(data, origin)


def text_article(data: bytes, origin: str) -> Article:
    """A plain-text article from its bytes: first non-empty line title, the rest body."""
    text, removed = clean_text(decode(data, origin))
    if not text:
        raise InputError(f"{origin}: empty (no article text after removing page furniture)")
    title = text.split("\n", 1)[0].strip()
    body = text[len(title) :].strip()
    if not body:
        raise InputError(f"{origin}: only a title line, no article body")
    return Article(text=text, title=title, origin=origin, removed_boilerplate=removed)


def iter_paths(paths: Iterable[str | Path], suffixes: set[str] | None = None) -> Iterator[Path]:
    """Expand folders recursively into supported files (sorted, for a stable order); name
    missing paths so the caller can report them instead of skipping them silently.

    Folders are walked one directory at a time, so a huge tree is not listed up front."""
    wanted = SUPPORTED_SUFFIXES if suffixes is None else suffixes
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from _walk(p, wanted)
        else:
            yield p


def _walk(root: Path, suffixes: set[str]) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        if e.name.startswith("."):
            continue  # .git, editor swap files, macOS resource forks
        if e.is_dir(follow_symlinks=False):
            yield from _walk(Path(e.path), suffixes)
        elif e.is_file() and Path(e.name).suffix.lower() in suffixes:
            yield Path(e.path)


# ---------------------------------------------------------------------------- any input
def iter_articles(inputs: Iterable[str | Path], options: SourceOptions | None = None) -> Iterator[Item]:
    """Every article in `inputs` as `(origin, Article)`, and every unusable input or
    record as `(origin, InputError)`; nothing here raises for bad input.

    Accepted articles are English (checked here, so a French page is refused before any
    analysis) and carry `language="en"`; `.txt`/`.html` files whose name holds a date
    ("…_2015-11-11_….txt") get it as publication date when nothing better is known.
    """
    opts = options or SourceOptions()
    for raw in inputs:
        text = str(raw)
        if text == "-":
            yield from _checked(_guarded("stdin", lambda: _stdin(sys.stdin.buffer, opts)), opts)
        elif text.startswith(("http://", "https://")):
            from .sources.web import iter_url

            yield from _checked(
                _guarded(text, lambda u=text: iter_url(u, opts.max_bytes, opts.timeout, opts.feed)), opts
            )
        else:
            p = Path(text)
            if not p.exists():
                yield text, InputError(f"{text}: no such file or folder")
                continue
            files = _walk(p, SUPPORTED_SUFFIXES) if p.is_dir() else iter([p])
            for f in files:
                yield from _checked(_guarded(str(f), lambda f=f: _file(f, opts)), opts)


def _guarded(origin: str, make) -> Iterator[Item]:
    """Run a source; an error that escapes it becomes one rejection for that input."""
    try:
        yield from make()
    except InputError as e:
        yield origin, e
    except OSError as e:
        yield origin, InputError(f"{origin}: cannot read ({e.strerror or e})")
    except (RecursionError, MemoryError) as e:
        yield origin, InputError(f"{origin}: cannot read ({type(e).__name__})")


def _checked(items: Iterator[Item], opts: SourceOptions) -> Iterator[Item]:
    for origin, art in items:
        if isinstance(art, Article):
            if opts.english_only:
                reason = english_or_reason(art.text)
                if reason:
                    yield origin, InputError(f"{origin}: {reason}")
                    continue
                art.language = art.language or "en"
        yield origin, art


def _file(p: Path, opts: SourceOptions) -> Iterator[Item]:
    from .sources import records

    origin = str(p)
    if not p.is_file():
        raise InputError(f"{origin}: not a regular file")
    suffix = p.suffix.lower()
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        art = read_article(p, opts.max_bytes)
        if art.published is None:
            art.published = date_from_name(p.name)
        yield origin, art
    elif suffix in (".jsonl", ".ndjson"):
        yield from records.iter_jsonl(p, opts.fields, opts.max_bytes)
    elif suffix == ".json":
        yield from records.iter_json(p, opts.fields, opts.max_bytes)
    elif suffix == ".csv":
        yield from records.iter_csv(p, opts.fields, opts.max_bytes)
    elif suffix in FEED_SUFFIXES or opts.feed:
        from .sources.web import iter_feed

        size = p.stat().st_size
        if size > opts.max_bytes:
            raise InputError(f"{origin}: {size} bytes is over the {opts.max_bytes}-byte limit for a feed")
        yield from iter_feed(p.read_bytes(), origin, opts.max_bytes, opts.timeout)
    else:
        raise InputError(
            f"{origin}: unsupported file type {p.suffix or '(none)'!r}; "
            f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )


def _stdin(stream: BinaryIO, opts: SourceOptions) -> Iterator[Item]:
    """Standard input: plain text, an HTML page, JSON Lines / a JSON array, chosen by its
    first character (and `--feed` for a feed), read up to the size cap."""
    import json

    from .sources import records

    data = stream.read(opts.max_bytes + 1)
    if len(data) > opts.max_bytes:
        raise InputError(f"stdin: more than {opts.max_bytes} bytes; over the limit for one input")
    if not data.strip():
        raise InputError("stdin: empty")
    if opts.feed:
        from .sources.web import iter_feed

        yield from iter_feed(data, "stdin", opts.max_bytes, opts.timeout)
        return
    head = data.lstrip()[:1]
    if head == b"<":
        from .sources.html import article_from_html

        yield "stdin", article_from_html(data, "stdin")
    elif head in (b"{", b"["):
        text = decode(data, "stdin")
        if head == b"[":
            try:
                rows = json.loads(text)
            except json.JSONDecodeError as e:
                raise InputError(
                    f"stdin: malformed JSON at line {e.lineno} column {e.colno} ({e.msg})"
                ) from None
            for i, rec in enumerate(rows if isinstance(rows, list) else [rows]):
                yield records._one(rec, f"stdin[{i}]", opts.fields, opts.max_bytes)
            return
        yield from records.json_lines(text.splitlines(), "stdin", opts.fields, opts.max_bytes)
    else:
        yield "stdin", text_article(data, "stdin")
