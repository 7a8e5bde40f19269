"""Turn files into `Article` records: decode, split title from body, drop page furniture.

The stored text is the file's text with boilerplate lines removed and nothing else
changed, so every offset the extractor reports points at the article's own words.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .models import Article

__all__ = ["SUPPORTED_SUFFIXES", "clean_text", "decode", "iter_paths", "read_article"]

SUPPORTED_SUFFIXES = {".txt"}
MAX_BYTES = 20 * 1024 * 1024

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


def read_article(path: str | Path) -> Article:
    """Read one `.txt` article: the first non-empty line is the title, the rest the body.

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
    if p.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"{origin}: unsupported file type {p.suffix or '(none)'!r}; "
            f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{origin}: {size} bytes is over the {MAX_BYTES}-byte limit for one article")
    text, removed = clean_text(decode(p.read_bytes(), origin))
    if not text:
        raise InputError(f"{origin}: empty (no article text after removing page furniture)")
    title = text.split("\n", 1)[0].strip()
    body = text[len(title) :].strip()
    if not body:
        raise InputError(f"{origin}: only a title line, no article body")
    return Article(text=text, title=title, origin=origin, removed_boilerplate=removed)


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders recursively into supported files (sorted, for a stable order); name
    missing paths so the caller can report them instead of skipping them silently."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            yield p
