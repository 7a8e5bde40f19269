"""Single quotation marks read as quotation marks.

British and Irish papers, and most wire copy from outside the US, quote with single marks
(‘We will not retreat,’ the minister said) and nest double ones inside. The same
characters are apostrophes ("Iran’s", "the ’90s", "the ministers’ talks"), so the
attribution rules only read double marks. `as_double_quotes` gives them a text of the same
length in which every single mark that opens or closes a quotation is a double one, and
every double mark inside such a quotation a single one: offsets into it are offsets into
the article, and one convention reaches the rules.
"""

from __future__ import annotations

import re

__all__ = ["as_double_quotes"]

#: quotations the rules already read: “…”, "…" and ''…'' (one line at most)
_DOUBLE = re.compile(r"''.*?(?:''|$)|[“\"][^“”\"\n]*(?:[”\"]|$)", re.M)
#: a single mark that may open a quotation: at the start of a word, after a space, a
#: bracket or a dash
_OPENING = re.compile(r"(?:(?<=[\s(\[—–-])|^)[‘'](?=[\w$£€(\[…])", re.M)
#: words spelled with a leading apostrophe: elisions and decades, never quotations
_ELIDED = re.compile(r"[‘'](?:em|tis|twas|til|cause|bout|n|s|\d0s|\d\d)\b", re.I)
#: a single mark that may close a quotation: after a word or punctuation, not before a letter
_CLOSING = re.compile(r"(?<=\S)[’'](?![\w])")
#: a plural possessive ("the ministers’ talks"), not the end of a quotation
_POSSESSIVE = re.compile(r"(?<=s)[’'][^\S\n]+[\w$£€]")
_AS_DOUBLE = str.maketrans({"‘": "“", "’": "”", "'": '"'})
_AS_SINGLE = str.maketrans({"“": "‘", "”": "’", '"': "'"})


def as_double_quotes(text: str) -> str:
    """`text` with single-mark quotations turned into double-mark ones, one character for
    one (the text itself when it holds none)."""
    if "‘" not in text and "'" not in text:
        return text
    chars = list(text)
    for line in re.finditer(r"[^\n]+", text):
        b, e = line.span()
        taken = [m.span() for m in _DOUBLE.finditer(text, b, e)]
        pos = b
        while True:
            opening = _next_opening(text, pos, e, taken)
            if opening is None:
                break
            closing = _next_closing(text, opening + 1, e, taken)
            if closing is None:
                if opening == b:  # a quotation that runs on into the next paragraph
                    chars[opening] = chars[opening].translate(_AS_DOUBLE)
                break
            chars[opening] = chars[opening].translate(_AS_DOUBLE)
            chars[closing] = chars[closing].translate(_AS_DOUBLE)
            for i in range(opening + 1, closing):
                chars[i] = chars[i].translate(_AS_SINGLE)
            pos = closing + 1
    return "".join(chars)


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(b <= i < e for b, e in spans)


def _next_opening(text: str, pos: int, end: int, taken: list[tuple[int, int]]) -> int | None:
    for m in _OPENING.finditer(text, pos, end):
        if not _inside(m.start(), taken) and not _ELIDED.match(text, m.start()):
            return m.start()
    return None


def _next_closing(text: str, pos: int, end: int, taken: list[tuple[int, int]]) -> int | None:
    for m in _CLOSING.finditer(text, pos, end):
        if _inside(m.start(), taken) or _POSSESSIVE.match(text, m.start()):
            continue
        return m.start()
    return None
