"""SHACL validation with pySHACL against `shapes/kg.shacl.ttl`.

An article graph is validated on its own before it is stored (it is self-contained by
construction); `validate_graphs` checks a whole store one graph at a time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import rdflib

from .errors import KgError

__all__ = ["SHAPES_PATH", "Report", "load_shapes", "validate_graphs", "validate_quads"]

ROOT = Path(__file__).resolve().parents[1]
SHAPES_PATH = ROOT / "shapes" / "kg.shacl.ttl"
_RESULT = rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationResult")


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


def _default_graph_store(quads: Iterable[ox.Quad]) -> ox.Store:
    """The quads' triples in the default graph of an in-memory Oxigraph store.

    pySHACL validates a pyoxigraph store directly, an order of magnitude faster than an
    rdflib graph for the SPARQL-based span constraint (measured on the seed article's
    1,000 quads: 0.3 s against 5.5 s)."""
    store = ox.Store()
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    return store


def validate_quads(quads: Iterable[ox.Quad]) -> Report:
    """Validate the union of `quads` against the shapes."""
    conforms, results, text = pyshacl.validate(
        _default_graph_store(quads), shacl_graph=load_shapes(), advanced=True, allow_warnings=True
    )
    n = sum(1 for _ in results.subjects(rdflib.RDF.type, _RESULT))
    return Report(bool(conforms), str(text), n)


def validate_graphs(graphs: Iterable[tuple[str, Iterable[ox.Quad]]]) -> Report:
    """Validate graphs one at a time: article graphs are self-contained by construction,
    so memory stays flat in the size of the store; the report names each failing graph."""
    failing: list[str] = []
    total = 0
    for name, quads in graphs:
        report = validate_quads(quads)
        if not report.conforms:
            total += report.violations
            failing.append(f"# graph <{name}>\n{report.text}")
    return Report(not failing, "\n".join(failing) or "Conforms: True", total)
