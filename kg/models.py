"""The plain records that travel between stages: ingest → nlp/extract → resolve → mapping.

Offsets are code-point indices into `Article.text` (begin inclusive, end exclusive), the
text exactly as stored in the graph, so every span can be checked against it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = [
    "Article",
    "ArticleGraph",
    "Claim",
    "IngestResult",
    "Meeting",
    "Mention",
    "Proposition",
    "SourceChain",
    "Span",
]


@dataclass(frozen=True)
class Span:
    """A stretch of the article text."""

    begin: int
    end: int
    text: str


@dataclass
class Article:
    """One article as ingested: the text we analyse and store, and what we know about it."""

    text: str
    title: str = ""
    url: str | None = None
    published: dt.date | dt.datetime | None = None
    publisher: str | None = None
    author: str | None = None
    language: str | None = None
    origin: str = ""  # where it came from: a path, URL or "stdin", for messages
    removed_boilerplate: list[str] = field(default_factory=list)


@dataclass
class Mention:
    """A span naming or referring to an actor or place; `key` is the resolved identity."""

    span: Span
    label: str  # normalised surface name
    kind: str  # a kg class name: Person, Country, City, Organization, ...
    key: str = ""  # filled by resolve
    affiliations: tuple[str, ...] = ()  # labels of actors it is described by
    vague: bool = False


@dataclass
class Proposition:
    """The content's structure: subject does action to object, from origin, to destination."""

    action: str
    subject: Mention | None = None
    object: Mention | None = None
    object_text: str = ""
    origin: Mention | None = None
    destination: Mention | None = None
    negated: bool = False


@dataclass
class Claim:
    """An attribution: `source` says `content`, marked by `cue`, evidenced by `evidence`."""

    source: Mention
    cue: Span
    cue_lemma: str
    content: Span
    evidence: Span
    quote_type: str  # direct | indirect | mixed | implicit
    about: list[Mention] = field(default_factory=list)
    propositions: list[Proposition] = field(default_factory=list)
    source_span: Span | None = None  # None when the claimant is implicit


@dataclass
class Meeting:
    """A reported meeting and the claims that report it."""

    trigger: Span
    participants: list[Mention] = field(default_factory=list)
    place: Mention | None = None
    time_text: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    status: str = "Planned"  # Planned | Held | Cancelled
    purpose: str | None = None
    remote: bool = False  # by telephone or video, not face to face
    evidence: list[Span] = field(default_factory=list)
    reported_in: list[int] = field(default_factory=list)  # indices into claims


@dataclass
class SourceChain:
    """How the article reached us: original outlet, translator, publisher's disclaimers."""

    original: Mention | None = None
    original_cue: Span | None = None
    translator: Mention | None = None
    publisher: str | None = None
    disclaimers: list[Span] = field(default_factory=list)
    verified: bool | None = None


@dataclass
class ArticleGraph:
    """Everything extracted from one article, ready for resolution and mapping."""

    article: Article
    mentions: list[Mention]
    claims: list[Claim]
    meetings: list[Meeting]
    chain: SourceChain


@dataclass
class IngestResult:
    """What happened to one input."""

    origin: str
    status: str  # added | replaced | unchanged | rejected
    article: str | None = None
    message: str = ""
    quads: int = 0
    report: str = ""
