"""The outlet chain and the publisher's own statements: "writes SY 24" (original outlet),
"translated and edited by X" (translator), "has not verified" (disclaimer)."""

from __future__ import annotations

import re

from ..models import Claim, Mention, SourceChain, Span
from .mentions import classify_name

__all__ = ["find_chain"]

_TRANSLATED = re.compile(
    r"\b(?:translated|edited|prepared|adapted)(?:\s+and\s+(?:translated|edited|prepared|adapted))?\s+by\s+"
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z0-9][\w'’-]*|of|and))*)"
)
_CHUNK = re.compile(r"[^.\n]+\.?")  # a sentence as the closing notes write them
_DISCLAIMER = re.compile(
    r"\b(?:has\s+not|have\s+not|could\s+not|cannot|can't|did\s+not|was\s+unable\s+to|were\s+unable\s+to)"
    r"\s+(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?)\b"
)
_RESPONSIBILITY = re.compile(
    r"\b(?:responsibility|views\s+expressed|opinions\s+expressed)\b.*\b(?:author|writer)s?\b", re.I
)


def _notes(text: str, pattern: re.Pattern[str]) -> list[Span]:
    """Sentences matching `pattern`, found chunk by chunk: one scan of the text instead of
    a pattern that backtracks from every position."""
    out = []
    for m in _CHUNK.finditer(text):
        if pattern.search(m.group()):
            b, e = m.start(), m.end()
            while b < e and text[b] == " ":
                b += 1
            out.append(Span(b, e, text[b:e]))
    return out


def find_chain(text: str, claims: list[Claim], publisher: str | None = None) -> SourceChain:
    """Read the chain from the lead's outlet attribution and the closing notes."""
    chain = SourceChain(publisher=publisher)
    first_para_end = _lead_end(text)
    for c in claims:
        if (
            c.cue_lemma in {"write", "report"}
            and c.source.kind == "MediaOutlet"
            and c.evidence.begin < first_para_end
        ):
            chain.original = c.source
            chain.original_cue = c.cue
            break
    tm = _TRANSLATED.search(text)
    if tm:
        name = re.sub(r"^[Tt]he\s+", "", tm.group("name")).rstrip(".")
        full = tm.group("name").rstrip(".")
        b = tm.start("name") + (len(full) - len(name))
        kind = classify_name(name, "publish")
        chain.translator = Mention(
            Span(b, b + len(name), name), name, "MediaOutlet" if kind in {"Person", "Organization"} else kind
        )
        chain.publisher = chain.publisher or name
    for d in _notes(text, _DISCLAIMER):
        chain.disclaimers.append(d)
        chain.verified = False
    for d in _notes(text, _RESPONSIBILITY):
        if not any(x.begin == d.begin for x in chain.disclaimers):
            chain.disclaimers.append(d)
    return chain


def _lead_end(text: str) -> int:
    """End of the first body paragraph (the line after the title)."""
    paras = [m for m in re.finditer(r"[^\n]+", text)]
    if len(paras) >= 2:
        return paras[1].end()
    return len(text)
