"""Records → RDF quads, all in one named graph per article (its name is the article IRI).

Each article graph is self-contained: it repeats the type and label of every actor it
uses, so a graph validates on its own and removing it leaves other articles whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from .models import Span
from .namespaces import DEFAULT_BASE, KG, NIF, RDF, RDFS, SCHEMA, SKOS, SUPERCLASSES, XSD
from .resolve import Resolved

__all__ = ["article_iri", "content_hash", "to_quads"]


def article_iri(base: str, aid: str) -> NamedNode:
    return NamedNode(f"{base}article/{aid}")


def content_hash(resolved: Resolved, base: str) -> str:
    """Hash of what determines the article graph: text, metadata, base and mapping
    version. Equal hashes mean re-ingesting would write the same quads."""
    a = resolved.graph.article
    parts = [MAPPING_VERSION, base, a.text, a.title, a.url or "", str(a.published or ""), a.publisher or ""]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


MAPPING_VERSION = "1"


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.integer)


def to_quads(resolved: Resolved, base: str = DEFAULT_BASE) -> list[Quad]:
    """All quads for one article."""
    return list(dict.fromkeys(_quads(resolved, base)))


def _quads(r: Resolved, base: str) -> Iterator[Quad]:
    ag = r.graph
    art = ag.article
    a = article_iri(base, r.article_id)
    g = a

    def q(s, p, o) -> Quad:
        return Quad(s, p, o, g)

    def actor(key: str) -> NamedNode:
        return NamedNode(base + key)

    def typed(node: NamedNode, kind: str) -> Iterator[Quad]:
        yield q(node, RDF.type, KG.term(kind))
        for sup in SUPERCLASSES.get(kind, ()):
            yield q(node, RDF.type, KG.term(sup))

    def span(s: Span, kind: str = "Span") -> NamedNode:
        node = NamedNode(f"{a.value}#char={s.begin},{s.end}")
        spans[(s.begin, s.end)] = (
            node,
            kind if kind == "Mention" or (s.begin, s.end) not in spans else spans[(s.begin, s.end)][1],
        )
        return node

    spans: dict[tuple[int, int], tuple[NamedNode, str]] = {}

    # the article
    yield from typed(a, "Article")
    yield q(a, NIF.isString, Literal(art.text))
    yield q(a, KG.contentHash, Literal(content_hash(r, base)))
    if art.title:
        yield q(a, SCHEMA.headline, Literal(art.title))
    if art.url:
        yield q(a, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI))
    if art.language:
        yield q(a, SCHEMA.inLanguage, Literal(art.language))
    if isinstance(art.published, dt.datetime):
        yield q(a, SCHEMA.datePublished, Literal(art.published.isoformat(), datatype=XSD.dateTime))
    elif isinstance(art.published, dt.date):
        yield q(a, SCHEMA.datePublished, Literal(art.published.isoformat(), datatype=XSD.date))
    chain = ag.chain
    if chain.original is not None and chain.original.key:
        yield q(a, KG.originalSource, actor(chain.original.key))
    if chain.translator is not None and chain.translator.key:
        yield q(a, KG.translatedBy, actor(chain.translator.key))
        yield q(a, SCHEMA.publisher, actor(chain.translator.key))
    for d in chain.disclaimers:
        yield q(a, KG.disclaimer, Literal(d.text))
    if chain.verified is not None:
        yield q(a, KG.publisherVerified, Literal(str(chain.verified).lower(), datatype=XSD.boolean))

    # actors and places
    for rec in r.actors.values():
        node = actor(rec.key)
        yield from typed(node, rec.kind)
        yield q(node, RDFS.label, Literal(rec.label))
        for alias in sorted(rec.aliases):
            yield q(node, SKOS.altLabel, Literal(alias))
        for aff in sorted(rec.affiliations):
            if aff in r.actors or aff.startswith("actor/"):
                yield q(node, KG.affiliatedWith, actor(aff))
        if rec.wikidata:
            yield q(node, KG.wikidata, NamedNode(f"http://www.wikidata.org/entity/{rec.wikidata}"))
        if rec.geonames:
            yield q(node, KG.geonames, NamedNode(f"https://sws.geonames.org/{rec.geonames}/"))
        if rec.kind != "UnnamedActor":
            yield q(a, KG.mentions, actor(rec.key))
    for aff in sorted({aff for rec in r.actors.values() for aff in rec.affiliations} - set(r.actors)):
        # an affiliation the text never names (a city's state): type and label it too
        from .gazetteer import load_gazetteer

        e = load_gazetteer().entries.get(aff.rsplit("/", 1)[-1])
        if e is not None:
            yield from typed(actor(aff), e.kind)
            yield q(actor(aff), RDFS.label, Literal(e.label))
    for m in ag.mentions:
        if m.key and m.span.end > m.span.begin:
            node = span(m.span, "Mention")
            yield q(node, KG.refersTo, actor(m.key))

    # claims
    claim_nodes = []
    for i, c in enumerate(ag.claims, 1):
        cn = NamedNode(f"{base}claim/{r.article_id}-{i}")
        claim_nodes.append(cn)
        yield from typed(cn, "Claim")
        yield q(cn, KG.claimant, actor(c.source.key))
        yield q(cn, KG.cue, Literal(c.cue.text or c.cue_lemma))
        yield q(cn, KG.cueLemma, Literal(c.cue_lemma))
        if c.cue.end > c.cue.begin:
            yield q(cn, KG.cueSpan, span(c.cue))
        if c.source_span is not None and c.source_span.end > c.source_span.begin:
            yield q(cn, KG.sourceSpan, span(c.source_span))
        yield q(cn, KG.content, Literal(c.content.text))
        yield q(cn, KG.contentSpan, span(c.content))
        yield q(cn, KG.evidence, span(c.evidence))
        yield q(cn, KG.statedIn, a)
        yield q(cn, KG.quoteType, Literal(c.quote_type))
        for m in c.about:
            if m.key:
                yield q(cn, KG.about, actor(m.key))
        for j, p in enumerate(c.propositions, 1):
            pn = NamedNode(f"{cn.value}/p{j}")
            yield from typed(pn, "Proposition")
            yield q(cn, KG.proposition, pn)
            yield q(pn, KG.action, Literal(p.action))
            if p.subject is not None and p.subject.key:
                yield q(pn, KG.subject, actor(p.subject.key))
            if p.object is not None and p.object.key:
                yield q(pn, KG.object, actor(p.object.key))
            if p.object_text:
                yield q(pn, KG.objectText, Literal(p.object_text))
            if p.origin is not None and p.origin.key:
                yield q(pn, KG.origin, actor(p.origin.key))
            if p.destination is not None and p.destination.key:
                yield q(pn, KG.destination, actor(p.destination.key))
            yield q(pn, KG.negated, Literal(str(p.negated).lower(), datatype=XSD.boolean))

    # meetings
    for i, mt in enumerate(ag.meetings, 1):
        mn = NamedNode(f"{base}meeting/{r.article_id}-{i}")
        yield from typed(mn, "Meeting")
        yield q(mn, KG.statedIn, a)
        yield q(mn, KG.status, KG.term(mt.status))
        for p in mt.participants:
            if p.key:
                yield q(mn, KG.participant, actor(p.key))
        if mt.place is not None and mt.place.key:
            yield q(mn, KG.place, actor(mt.place.key))
        if mt.time_text:
            yield q(mn, KG.timeText, Literal(mt.time_text))
        if mt.earliest:
            yield q(mn, KG.earliestDate, Literal(mt.earliest.isoformat(), datatype=XSD.date))
        if mt.latest:
            yield q(mn, KG.latestDate, Literal(mt.latest.isoformat(), datatype=XSD.date))
        if mt.purpose:
            yield q(mn, KG.purpose, Literal(mt.purpose))
        if mt.remote:  # a telephone or video call
            yield q(mn, SCHEMA.eventAttendanceMode, SCHEMA.OnlineEventAttendanceMode)
        for ev in mt.evidence:
            yield q(mn, KG.evidence, span(ev))
        for ci in dict.fromkeys(mt.reported_in):
            yield q(claim_nodes[ci], KG.reportsOn, mn)
            yield q(mn, KG.reportedBy, actor(ag.claims[ci].source.key))

    # every span, once
    text = art.text
    for (b, e), (node, kind) in spans.items():
        yield from typed(node, kind)
        yield q(node, NIF.beginIndex, _int(b))
        yield q(node, NIF.endIndex, _int(e))
        yield q(node, NIF.anchorOf, Literal(text[b:e]))
        yield q(node, NIF.referenceContext, a)
