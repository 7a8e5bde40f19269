"""Resolution: one identity per real-world actor, across mentions and across articles.

Known names come from the gazetteer (with their Wikidata / GeoNames links); people named
in full and later by surname ("Taher Abu Nidal al-Ahwazi" … "Ahwazi") share one key;
unnamed sources ("the sources") and office holders named only by their office ("the
Foreign Secretary") are keyed per article, because two articles' need not be the same
people. Keys are deterministic, so re-ingesting gives the same IRIs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .gazetteer import load_gazetteer
from .models import Article, ArticleGraph, Mention
from .namespaces import slug

__all__ = ["ActorRecord", "Resolved", "article_id", "resolve"]


@dataclass
class ActorRecord:
    """What the graph says about one actor or place."""

    key: str  # path under the base: "actor/iran", "place/damascus"
    label: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)  # keys
    wikidata: str | None = None
    geonames: str | None = None


@dataclass
class Resolved:
    graph: ArticleGraph
    article_id: str
    actors: dict[str, ActorRecord]


def article_id(article: Article) -> str:
    """Identity of an article: its canonical URL when known; for a file, its name with its
    title, so a corrected file replaces its earlier version instead of adding one; else
    a hash of its text."""
    if article.url:
        return "u" + hashlib.sha256(article.url.encode()).hexdigest()[:16]
    if not Path(article.origin).is_file():
        # a record of a JSON/CSV file, stdin, or text handed over by a program: nothing
        # stable names it but its content
        return "h" + hashlib.sha256(article.text.encode()).hexdigest()[:16]
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", article.origin.replace("\\", "/").rsplit("/", 1)[-1])
    digest = hashlib.sha256(f"{stem}\n{article.title}".encode()).hexdigest()[:8]
    return f"{slug(stem, 48)}-{digest}"


#: Words of a title or office. A name made of these alone ("the Foreign Secretary",
#: "Prime Minister") names an office holder the article knows but does not name; two
#: articles' "Foreign Secretary" need not be the same person, so it is keyed per article.
_ROLE_WORDS = frozenset(
    """president vice prime deputy first foreign home interior defence defense finance
    economy justice health education energy trade state foreign-affairs secretary minister
    chancellor premier governor mayor general lieutenant major colonel commander chief
    ambassador envoy spokesman spokeswoman spokesperson senator representative speaker
    director head chairman chairwoman chair king queen prince emir sheikh pope cardinal
    of the for and affairs security national assistant under attorney supreme leader
    special""".split()
)


def _role_only(label: str) -> bool:
    words = re.findall(r"[\w-]+", label.lower())
    return bool(words) and all(w in _ROLE_WORDS for w in words)


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", name.strip())


def _surname(name: str) -> str:
    last = name.split()[-1]
    return re.sub(r"^(?:al|el|Al|El)-", "", last)


def resolve(graph: ArticleGraph) -> Resolved:
    """Give every mention a key and collect one record per actor."""
    g = load_gazetteer()
    aid = article_id(graph.article)
    actors: dict[str, ActorRecord] = {}
    people: dict[str, str] = {}  # surname / full name → key, within this article
    surnames: dict[str, str] = {}  # the last name of a full name → its key

    def record(m: Mention) -> str:
        label = _strip_article(m.label)
        entry = g.lookup(label) or (g.lookup(m.span.text) if m.kind != "Group" else None)
        if m.vague or m.kind == "UnnamedActor":
            key = f"actor/unnamed/{aid}/{slug(label)}"
            kind = "UnnamedActor"
        elif (
            m.kind in {"Organization", "Place"}
            and entry is None
            and " " not in label
            and label[:1].isupper()
            and label in surnames
        ):
            # "met Burhan" after "General Abdel Fattah al-Burhan": the recogniser called the
            # surname an organisation or a place; a known person's surname is that person
            key, kind = surnames[label], "Person"
        elif m.kind == "Person" and entry is None and _role_only(label):
            key, kind = f"actor/office/{aid}/{slug(label)}", "Person"
        elif entry is not None:
            kind = entry.kind
            key = ("place/" if kind in {"City", "Place"} else "actor/") + entry.key
            label = entry.label
        elif m.kind == "Person":
            full = people.get(label) or people.get(_surname(label))
            key = full or f"actor/{slug(label)}"
            kind = "Person"
            if full is None:
                people[label] = key
                if len(label.split()) > 1:
                    people.setdefault(_surname(label), key)
                    if " of " not in label:  # "Earl Ray Tomblin of West Virginia" is no Virginia
                        surnames.setdefault(_surname(label), key)
        elif m.kind in {"City", "Place"}:
            key, kind = f"place/{slug(label)}", m.kind
        else:
            key, kind = f"actor/{slug(label)}", m.kind
        rec = actors.get(key)
        if rec is None:
            rec = actors[key] = ActorRecord(key, label, kind)
            if entry is not None:
                rec.wikidata, rec.geonames = entry.wikidata, entry.geonames
                if entry.country and entry.country in g.entries and entry.kind != "Country":
                    rec.affiliations.add(_country_key(entry.country))
        elif rec.kind == "Person" and len(label) > len(rec.label):
            rec.aliases.add(rec.label)
            rec.label = label
        if m.span.text[:1].isupper() and _strip_article(m.span.text) != rec.label:
            rec.aliases.add(_strip_article(m.span.text))
        for a in m.affiliations:
            e = g.lookup(a)
            if e is not None and e.kind in {"City", "Place"}:
                # affiliation is between actors: a city stands for its state, a region for none
                e = g.state_of(e)
            if e is not None and e.key != key.rsplit("/", 1)[-1]:
                rec.affiliations.add("actor/" + e.key)
        return key

    # full names first, so that a surname seen before its full name still joins it
    ordered = sorted(
        graph.mentions + [c.source for c in graph.claims] + _meeting_mentions(graph),
        key=lambda m: -len(m.label.split()) if m.kind == "Person" else 0,
    )
    for m in ordered:
        m.key = record(m)
    for c in graph.claims:
        if c.source.key.startswith("place/"):
            c.source = _place_as_speaker(c.source, g)
            c.source.key = record(c.source)
    if graph.chain.original is not None:
        graph.chain.original.key = record(graph.chain.original)
    if graph.chain.translator is not None:
        graph.chain.translator.key = record(graph.chain.translator)
    for c in graph.claims:
        for m in c.about:
            m.key = m.key or record(m)
        for p in c.propositions:
            if p.subject is not None and p.subject.kind == "City":  # "Tehran sent drones": the state acts
                p.subject = _place_as_speaker(p.subject, g)
            for m in (p.subject, p.object, p.origin, p.destination):
                if m is not None and not m.key:
                    m.key = record(m)
    return Resolved(graph, aid, actors)


def _place_as_speaker(m: Mention, g) -> Mention:
    """A place that says something ("Moscow denied", "Washington warned"): a city of a
    known state speaks for that state; any other place, for its unnamed authorities. A
    claimant is always an actor, never a place."""
    entry = g.lookup(_strip_article(m.label)) or g.lookup(m.span.text)
    state = g.state_of(entry)
    if state is not None:
        return replace(m, label=state.label, kind=state.kind, key="")
    return replace(m, label=f"authorities in {_strip_article(m.label)}", kind="UnnamedActor", key="")


def _meeting_mentions(graph: ArticleGraph) -> list[Mention]:
    out = []
    for mt in graph.meetings:
        out.extend(mt.participants)
        if mt.place is not None:
            out.append(mt.place)
    return out


def _country_key(key: str) -> str:
    return f"actor/{key}"
