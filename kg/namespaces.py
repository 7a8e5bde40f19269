"""The IRIs `kg` writes: the ontology namespace, the vocabularies it reuses, and how data
IRIs are minted under a configurable base. A test checks every `KG` term used here exists
in `ontology/kg.ttl`."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pyoxigraph import NamedNode

__all__ = [
    "DEFAULT_BASE",
    "KG",
    "NIF",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "SUPERCLASSES",
    "XSD",
    "Namespace",
    "slug",
]

DEFAULT_BASE = "https://kg.example.org/"


class Namespace(str):
    """A namespace string whose attributes are `NamedNode`s: `KG.Claim`."""

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return NamedNode(self + name)

    def term(self, name: str) -> NamedNode:
        return NamedNode(self + name)


KG = Namespace("https://w3id.org/kg-news/ns#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "nif": str(NIF),
}

#: kg classes with their kg super-classes, asserted on the data so that queries and
#: shapes need no reasoner (kept equal to the ontology by tests/test_ontology.py).
SUPERCLASSES: dict[str, tuple[str, ...]] = {
    "Entity": (),
    "Actor": ("Entity",),
    "Person": ("Actor", "Entity"),
    "Organization": ("Actor", "Entity"),
    "Government": ("Organization", "Actor", "Entity"),
    "ArmedGroup": ("Organization", "Actor", "Entity"),
    "MediaOutlet": ("Organization", "Actor", "Entity"),
    "Group": ("Actor", "Entity"),
    "UnnamedActor": ("Actor", "Entity"),
    "Place": ("Entity",),
    "Country": ("Actor", "Place", "Entity"),
    "City": ("Place", "Entity"),
    "Article": (),
    "Span": (),
    "Mention": ("Span",),
    "Claim": (),
    "Proposition": (),
    "Meeting": (),
}


def slug(text: str, max_len: int = 60) -> str:
    """A stable, readable IRI segment: ASCII, lower case, hyphens.

    Names that fold to nothing (e.g. only Arabic script) get a short hash instead, so
    every name still has an IRI.

    >>> slug("Taher Abu Nidal al-Ahwazi")
    'taher-abu-nidal-al-ahwazi'
    >>> slug("SY 24")
    'sy-24'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:max_len].strip("-")
    return s or "h" + hashlib.sha256(text.encode()).hexdigest()[:12]
