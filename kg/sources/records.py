"""Article records in JSON, JSON Lines and CSV files: one file, many articles.

Corpora and scrapers ship articles as records with fields named every which way, so the
field names are options (`--text-field` …) with the common names as defaults. Files are
streamed record by record (JSON Lines, CSV), so a corpus file of any size is read in flat
memory, and a bad record is reported with its line number while the others go on.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..models import Article
from .dates import parse_date

__all__ = ["FieldMap", "iter_csv", "iter_json", "iter_jsonl", "record_to_article"]

Item = tuple[str, "Article | InputError"]
MAX_JSON_BYTES = 256 * 1024 * 1024  # a .json file is parsed whole; JSON Lines and CSV are streamed
_PUBLISHER_FIELDS = ("publisher", "source", "site_name", "sitename", "outlet")
_AUTHOR_FIELDS = ("author", "authors", "byline")


@dataclass(frozen=True)
class FieldMap:
    """Which record fields hold the text, title, publication date and URL."""

    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"


def _str(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v)
    return str(value).strip()


def record_to_article(record: dict, origin: str, fields: FieldMap, max_bytes: int) -> Article:
    """One record as an Article; an unusable record raises InputError naming `origin`."""
    from ..ingest import clean_text

    if fields.text not in record:
        names = ", ".join(sorted(map(str, record))[:12]) or "none"
        raise InputError(
            f"{origin}: no {fields.text!r} field (fields: {names}); name the text field with --text-field"
        )
    raw = record[fields.text]
    if not isinstance(raw, str):
        raise InputError(f"{origin}: field {fields.text!r} is {type(raw).__name__}, not text")
    if len(raw.encode("utf-8", "surrogatepass")) > max_bytes:
        raise InputError(f"{origin}: text is over the {max_bytes}-byte limit for one article")
    text, removed = clean_text(raw)
    if not text:
        raise InputError(f"{origin}: empty text in field {fields.text!r}")
    try:
        published = parse_date(record.get(fields.date))
    except ValueError as e:
        raise InputError(f"{origin}: field {fields.date!r}: {e}") from None
    url = _str(record.get(fields.url)) or None
    if url and not url.startswith(("http://", "https://")):
        raise InputError(f"{origin}: field {fields.url!r} is {url[:60]!r}, not an http(s) URL")
    title = _str(record.get(fields.title)).split("\n")[0].strip()
    publisher = next((_str(record[k]) for k in _PUBLISHER_FIELDS if _str(record.get(k))), None)
    author = next((_str(record[k]) for k in _AUTHOR_FIELDS if _str(record.get(k))), None)
    return Article(
        text=text,
        title=title,
        url=url,
        published=published,
        publisher=publisher,
        author=author,
        origin=origin,
        removed_boilerplate=removed,
    )


def _one(record: object, origin: str, fields: FieldMap, max_bytes: int) -> Item:
    if not isinstance(record, dict):
        return origin, InputError(f"{origin}: expected a JSON object, found {type(record).__name__}")
    try:
        return origin, record_to_article(record, origin, fields, max_bytes)
    except InputError as e:
        return origin, e


def _text_stream(path: Path) -> io.TextIOWrapper:
    """Open for streaming: UTF-8 (BOM optional) or UTF-16 with a BOM, strict, like `decode`."""
    with path.open("rb") as f:
        head = f.read(4)
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{path}: looks like a binary file (NUL bytes), not records")
    enc = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    return open(path, encoding=enc, errors="strict", newline="")  # noqa: SIM115 - the caller closes it


def json_lines(lines: Iterable[str], name: str, fields: FieldMap, max_bytes: int) -> Iterator[Item]:
    """One article per JSON line; blank lines are skipped; `name:LINE` names each record,
    so a bad one is reported by its line number and the rest go on (files and stdin)."""
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        origin = f"{name}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield origin, InputError(f"{origin}: malformed JSON line ({e.msg} at column {e.colno})")
            continue
        yield _one(record, origin, fields, max_bytes)


def iter_jsonl(path: Path, fields: FieldMap, max_bytes: int) -> Iterator[Item]:
    """One article per line of a .jsonl file, read as a stream."""
    read = 0

    def counted(f: io.TextIOWrapper) -> Iterator[str]:
        nonlocal read
        for read, line in enumerate(f, 1):  # noqa: B007 - `read` names the line that failed to decode
            yield line

    with _text_stream(path) as f:
        try:
            yield from json_lines(counted(f), str(path), fields, max_bytes)
        except UnicodeDecodeError:
            yield (
                f"{path}:{read + 1}",
                InputError(f"{path}:{read + 1}: not valid UTF-8; the rest of the file is skipped"),
            )


def iter_json(path: Path, fields: FieldMap, max_bytes: int) -> Iterator[Item]:
    """A JSON array of article objects (or one object); parsed whole, so size-capped."""
    from ..ingest import decode

    size = path.stat().st_size
    if size > MAX_JSON_BYTES:
        raise InputError(
            f"{path}: {size} bytes is over the {MAX_JSON_BYTES}-byte limit for a .json file; "
            "use JSON Lines (.jsonl), which is streamed"
        )
    text = decode(path.read_bytes(), str(path))
    if not text.strip():
        raise InputError(f"{path}: empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: malformed JSON at line {e.lineno} column {e.colno} ({e.msg})") from None
    if isinstance(data, dict):
        yield _one(data, str(path), fields, max_bytes)
        return
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a JSON array of article objects, found {type(data).__name__}")
    if not data:
        raise InputError(f"{path}: an empty JSON array, no articles")
    for i, record in enumerate(data):
        yield _one(record, f"{path}[{i}]", fields, max_bytes)


def iter_csv(path: Path, fields: FieldMap, max_bytes: int) -> Iterator[Item]:
    """A CSV file with a header row; each further row is one article."""
    csv.field_size_limit(max(max_bytes + 1, csv.field_size_limit()))
    with _text_stream(path) as f:
        reader = csv.DictReader(f)
        try:
            header = reader.fieldnames
        except UnicodeDecodeError:
            raise InputError(f"{path}: not valid UTF-8; convert the file to UTF-8") from None
        except csv.Error as e:
            raise InputError(f"{path}: malformed CSV header ({e})") from None
        if not header:
            raise InputError(f"{path}: empty (no header row)")
        if fields.text not in header:
            raise InputError(
                f"{path}: no {fields.text!r} column (columns: {', '.join(h for h in header if h)}); "
                "name the text column with --text-field"
            )
        while True:
            origin = f"{path}:{reader.line_num + 1}"
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                yield origin, InputError(f"{origin}: not valid UTF-8; the rest of the file is skipped")
                return
            except csv.Error as e:
                yield origin, InputError(f"{origin}: malformed CSV ({e}); the rest of the file is skipped")
                return
            origin = f"{path}:{reader.line_num}"
            missing = [k for k, v in row.items() if v is None and k is not None]
            if fields.text in missing:
                yield (
                    origin,
                    InputError(
                        f"{origin}: row has {len(header) - len(missing)} of {len(header)} columns; "
                        f"missing {', '.join(missing)}"
                    ),
                )
                continue
            row = {k: v for k, v in row.items() if k is not None and v is not None}
            yield _one(row, origin, fields, max_bytes)
