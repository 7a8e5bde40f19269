"""SHACL validation with pySHACL against `shapes/kg.shacl.ttl`.

An article graph is validated on its own before it is stored (it is self-contained by
construction); `validate_store` checks the union of everything stored.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyshacl
import rdflib
from pyoxigraph import Quad

from .errors import KgError

__all__ = ["SHAPES_PATH", "Report", "load_shapes", "validate_quads"]

ROOT = Path(__file__).resolve().parents[1]
SHAPES_PATH = ROOT / "shapes" / "kg.shacl.ttl"
ONTOLOGY_PATH = ROOT / "ontology" / "kg.ttl"


@dataclass
class Report:
    conforms: bool
    text: str
    violations: int


@functools.cache
def load_shapes(path: Path = SHAPES_PATH) -> rdflib.Graph:
    """The shapes graph, parsed once per process."""
    if not path.exists():
        raise KgError(f"{path}: SHACL shapes not found; is the kg checkout complete?")
    return rdflib.Graph().parse(path, format="turtle")


def _to_rdflib(quads: Iterable[Quad]) -> rdflib.Graph:
    """Triples of the quads as one rdflib graph (the union of their named graphs)."""
    g = rdflib.Graph()
    data = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)
    g.parse(data=data, format="nt")
    return g


def validate_quads(quads: Iterable[Quad]) -> Report:
    """Validate the union of `quads` against the shapes."""
    data = _to_rdflib(quads)
    conforms, results, text = pyshacl.validate(
        data, shacl_graph=load_shapes(), advanced=True, allow_warnings=True
    )
    n = sum(
        1
        for _ in results.subjects(
            rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationResult")
        )
    )
    return Report(bool(conforms), str(text), n)
