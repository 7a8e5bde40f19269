"""The ontology, the namespaces module and the data agree."""

from __future__ import annotations

import doctest
import importlib
import re
from pathlib import Path

import pytest
import rdflib

from kg.namespaces import KG, SUPERCLASSES

ROOT = Path(__file__).resolve().parents[1]
ONTO = rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")
RDFS = rdflib.RDFS


def _kg_terms_in(path: Path) -> set[str]:
    return set(re.findall(r"\bKG\.(\w+)", path.read_text())) | set(
        re.findall(r'KG\.term\("(\w+)"\)', path.read_text())
    )


def test_every_term_used_in_code_is_defined_with_label_and_comment():
    used: set[str] = set()
    for p in (ROOT / "kg").rglob("*.py"):
        used |= _kg_terms_in(p)
    used |= set(SUPERCLASSES) | {"Planned", "Held", "Cancelled"}
    for term in sorted(used - {"term"}):
        iri = rdflib.URIRef(str(KG) + term)
        assert (iri, RDFS.label, None) in ONTO, f"kg:{term} has no rdfs:label in ontology/kg.ttl"
        assert (iri, RDFS.comment, None) in ONTO, f"kg:{term} has no rdfs:comment"


def test_every_ontology_term_has_label_and_comment():
    for s in set(ONTO.subjects()):
        if isinstance(s, rdflib.URIRef) and str(s).startswith(str(KG)):
            assert (s, RDFS.label, None) in ONTO and (s, RDFS.comment, None) in ONTO, s


def test_superclasses_match_the_ontology():
    for cls, sups in SUPERCLASSES.items():
        iri = rdflib.URIRef(str(KG) + cls)
        declared = {
            str(o)[len(str(KG)) :]
            for o in ONTO.transitive_objects(iri, RDFS.subClassOf)
            if str(o).startswith(str(KG))
        } - {cls}
        assert declared == set(sups), cls


@pytest.mark.parametrize("module", ["kg.namespaces", "kg.ingest", "kg.pipeline"])
def test_doctests(module):
    failures, _ = doctest.testmod(importlib.import_module(module))
    assert failures == 0
