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
_DISCLAIMER = re.compile(
    r"[^.\n]*\b(?:has\s+not|have\s+not|could\s+not|cannot|can't|did\s+not|was\s+unable\s+to|were\s+unable\s+to)"
    r"\s+(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?)\b[^.\n]*\.?"
)
_RESPONSIBILITY = re.compile(
    r"[^.\n]*\b(?:responsibility|views\s+expressed|opinions\s+expressed)\b[^.\n]*\b(?:author|writer)s?\b[^.\n]*\.?",
    re.I,
)


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
    for m in _DISCLAIMER.finditer(text):
        b, e = m.start(), m.end()
        while b < e and text[b] in " \n":
            b += 1
        chain.disclaimers.append(Span(b, e, text[b:e]))
        chain.verified = False
    for m in _RESPONSIBILITY.finditer(text):
        b, e = m.start(), m.end()
        while b < e and text[b] in " \n":
            b += 1
        if not any(d.begin == b for d in chain.disclaimers):
            chain.disclaimers.append(Span(b, e, text[b:e]))
    return chain


def _lead_end(text: str) -> int:
    """End of the first body paragraph (the line after the title)."""
    paras = [m for m in re.finditer(r"[^\n]+", text)]
    if len(paras) >= 2:
        return paras[1].end()
    return len(text)
