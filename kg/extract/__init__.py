"""Extraction: from an analysed article to mentions, claims, meetings and the outlet
chain, every one with offsets into the stored text.

`extract(article, doc)` is the stage's whole interface; the rules live in the modules
named for what they find.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..models import Article, ArticleGraph, Claim, Mention, Span
from .attribution import find_claims
from .chain import find_chain
from .lexicon import PRONOUNS
from .meetings import find_meetings
from .mentions import classify_name, find_mentions, name_runs
from .propositions import propositions_for

__all__ = ["extract"]

_MIN_STATEMENT_WORDS = 6


#: An opening quotation mark left at the end of a sentence: the parser put the boundary
#: after it ('... since. "' | 'I have taken ...," Clinton said.').
_LEADING_CLOSE_QUOTE = re.compile(r"[”’]+(?=\s|$)")
_TRAILING_OPEN_QUOTE = re.compile(r"(?:(?<=\s)|^)(?:[“‘\"]|'')$")


def _sentences(article: Article, doc: Doc) -> list[tuple[int, int]]:
    """Sentence offsets that never cross a line break (paragraphs are hard boundaries), and
    with an opening quotation mark always in the sentence it opens."""
    text = article.text
    bounds: list[tuple[int, int]] = []
    for s in doc.sents:
        b = s.start_char
        for part in re.finditer(r"[^\n]+", text[s.start_char : s.end_char]):
            pb, pe = b + part.start(), b + part.end()
            closing = _LEADING_CLOSE_QUOTE.match(text, pb, pe)
            gap = text[bounds[-1][1] : pb] if bounds else "\n"
            if closing and not gap.strip() and "\n" not in gap:
                # a closing mark the parser handed to the next sentence (it reads curly
                # quotes as plain ones, which open as well as close) ends the one before
                bounds[-1] = (bounds[-1][0], closing.end())
                pb = closing.end()
            if text[pb:pe].strip():
                bounds.append((pb, pe))
    out: list[tuple[int, int]] = []
    carry: int | None = None  # where a quote mark handed on by the previous sentence starts
    for i, (b, e) in enumerate(bounds):
        b, carry = (carry, None) if carry is not None else (b, None)
        m = _TRAILING_OPEN_QUOTE.search(text[b:e].rstrip())
        nxt = bounds[i + 1] if i + 1 < len(bounds) else None
        if m and m.start() > 0 and nxt is not None and "\n" not in text[e : nxt[0]]:
            carry = b + m.start()
            e = len(text[:carry].rstrip())
        out.append((b, e))
    return out


def _person_names(text: str, mentions: list[Mention], sentences: list[tuple[int, int]]) -> list[Mention]:
    """Proper names the gazetteer and the pipeline missed, when they look like people:
    two to five capitalised words not at a sentence start, or with an Arabic particle."""
    taken = [(m.span.begin, m.span.end) for m in mentions]
    starts = {b for b, _ in sentences}
    out: list[Mention] = []
    for b, e in name_runs(text):
        name = text[b:e]
        words = name.split()
        if any(b < te and tb < e for tb, te in taken) or len(words) < 2 or len(words) > 5:
            continue
        if b in starts and "al-" not in name:
            continue
        if "\n" in name or classify_name(name) != "Person" or re.search(r"\d", name):
            continue
        out.append(Mention(Span(b, e, name), name, "Person"))
    return out


def _attribution_inside(claim: Claim) -> tuple[int, int] | None:
    """Where the source and cue sit inside the content ("The fees, Ms. Berg said, have
    doubled"): they are not part of what was said."""
    content, src = claim.content, claim.source_span or claim.cue
    begin, end = min(src.begin, claim.cue.begin), max(src.end, claim.cue.end)
    return (begin, end) if content.begin < begin and end < content.end else None


def _about(claim: Claim, mentions: list[Mention], skip: tuple[int, int] | None) -> list[Mention]:
    return [
        m
        for m in mentions
        if claim.content.begin <= m.span.begin
        and m.span.end <= claim.content.end
        and not (skip and skip[0] <= m.span.begin < skip[1])
    ]


def _implicit_claims(article: Article, sentences, claims, mentions, chain) -> list[Claim]:
    """Sentences the article states in its own voice that name an actor; attributed to
    the original outlet (or publisher), with the chain's cue, marked "implicit"."""
    text = article.text
    if chain.original is not None:
        source, cue = chain.original, chain.original_cue
    elif chain.translator is not None or article.publisher:
        name = chain.translator.label if chain.translator else article.publisher
        source, cue = Mention(Span(0, 0, ""), name, "MediaOutlet"), None
    else:
        return []
    covered = [(c.evidence.begin, c.evidence.end) for c in claims]
    covered += [(d.begin, d.end) for d in chain.disclaimers]
    title_end = len(article.title)
    out = []
    for sb, se in sentences:
        if sb < title_end or any(sb < e and b < se for b, e in covered):
            continue
        if chain.translator and sb <= chain.translator.span.begin < se:
            continue
        words = text[sb:se].split()
        inside = [
            m for m in mentions if sb <= m.span.begin and m.span.end <= se and m.kind not in {"City", "Place"}
        ]
        if len(words) < _MIN_STATEMENT_WORDS or not inside:
            continue
        cb, ce = sb, se
        while ce > cb and text[ce - 1] in " .":
            ce -= 1
        cue_span = cue or Span(0, 0, "")
        out.append(
            Claim(
                source=source,
                cue=cue_span,
                cue_lemma=cue and "write" or "state",
                content=Span(cb, ce, text[cb:ce]),
                evidence=Span(sb, se, text[sb:se]),
                quote_type="implicit",
                source_span=None,
            )
        )
    return out


def extract(article: Article, doc: Doc) -> ArticleGraph:
    """Everything the rules find in one article.

    `doc` is the spaCy analysis of `article.text` (see `kg.nlp.load_pipeline`).
    """
    text = article.text
    sentences = _sentences(article, doc)
    mentions = find_mentions(text, doc)
    if not doc.has_annotation("ENT_IOB"):
        mentions = sorted(mentions + _person_names(text, mentions, sentences), key=lambda m: m.span.begin)
    # a claim must name who made it: a rule that found no words for the speaker drops out
    claims = [c for c in find_claims(text, sentences, mentions, doc) if c.source.label.strip()]
    # claim sources are mentions too (a person named only as a speaker), but not the
    # pronouns and nominal references that only point back to one
    spans = {m.span for m in mentions}
    for c in claims:
        src = c.source
        if (
            c.source_span is not None
            and src.span.end > src.span.begin
            and src.span not in spans
            and src.kind != "UnnamedActor"
            and src.span.text.lower() not in PRONOUNS
        ):
            mentions.append(src)
            spans.add(src.span)
    mentions.sort(key=lambda m: m.span.begin)
    chain = find_chain(text, claims, article.publisher)
    if chain.translator is not None and not any(m.span == chain.translator.span for m in mentions):
        mentions.append(chain.translator)
    claims += _implicit_claims(article, sentences, claims, mentions, chain)
    claims.sort(key=lambda c: c.evidence.begin)
    meetings, groups = find_meetings(text, sentences, mentions, claims, article.published, doc)
    found = mentions + groups
    mentions = sorted(found, key=lambda m: m.span.begin)
    for c in claims:
        inside = _attribution_inside(c)
        c.about = _about(c, found, inside)
        speaker = c.source if c.quote_type != "implicit" else None
        c.propositions = propositions_for(
            text, c.content, mentions, doc, inside, speaker=speaker, direct=c.quote_type == "direct"
        )
    return ArticleGraph(article=article, mentions=mentions, claims=claims, meetings=meetings, chain=chain)
