"""Linked-data exchange: `kg export` dumps + VoID/DCAT, `kg import --from TEAM` with
provenance, a lossless round trip, and dumps that must be refused without harm."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.cli import main
from kg.errors import InputError, ValidationError
from kg.export import dump_bytes, export_dir
from kg.importer import import_dump, imported_graph, original_graph
from kg.pipeline import KnowledgeGraph

BASE = "https://kg.example.org/"
PROV = "http://www.w3.org/ns/prov#"


def _nq(quads) -> list[str]:
    return sorted(f"{q.subject} {q.predicate} {q.object} {q.graph_name} ." for q in quads)


@pytest.fixture(scope="module")
def exported(seed_store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export")
    export_dir(
        seed_store.store,
        out,
        BASE,
        endpoint="http://127.0.0.1:7878/sparql",
        dump_base="https://data.example.org/kg/",
        creator="https://team-a.example.org/",
    )
    return out


def test_export_dir_dumps_and_void(seed_store, exported):
    names = {p.name for p in exported.iterdir()}
    assert names == {
        "dataset.nq",
        "dataset.trig",
        "dataset.ttl",
        "dataset.jsonld",
        "context.jsonld",
        "void.ttl",
    }
    quads = _nq(seed_store.store.quads())
    for name, fmt in (
        ("dataset.nq", ox.RdfFormat.N_QUADS),
        ("dataset.trig", ox.RdfFormat.TRIG),
        ("dataset.jsonld", ox.RdfFormat.JSON_LD),
    ):
        assert _nq(ox.parse((exported / name).read_bytes(), fmt)) == quads, name
    triples = {q.triple for q in seed_store.store.quads()}
    turtle = ox.parse((exported / "dataset.ttl").read_bytes(), ox.RdfFormat.TURTLE)
    assert {q.triple for q in turtle} == triples
    context = json.loads((exported / "context.jsonld").read_text())
    assert context["@context"]["kg"] == "https://w3id.org/kg-news/ns#"
    assert json.loads((exported / "dataset.jsonld").read_text())["@context"] == context["@context"]

    void = rdflib.Graph().parse(exported / "void.ttl", format="turtle")
    v = rdflib.Namespace("http://rdfs.org/ns/void#")
    dct = rdflib.Namespace("http://purl.org/dc/terms/")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    ds = rdflib.URIRef(BASE + "dataset")
    assert int(void.value(ds, v.triples)) == len(triples)
    assert str(void.value(ds, dct.license)).startswith("https://creativecommons.org/")
    assert str(void.value(ds, dct.creator)) == "https://team-a.example.org/"
    assert str(void.value(ds, v.sparqlEndpoint)) == "http://127.0.0.1:7878/sparql"
    dumps = {str(o) for o in void.objects(ds, v.dataDump)}
    assert "https://data.example.org/kg/dataset.nq" in dumps and len(dumps) == 4
    sizes = {int(s) for d in void.objects(ds, dcat.distribution) for s in void.objects(d, dcat.byteSize)}
    assert (exported / "dataset.nq").stat().st_size in sizes


@pytest.mark.parametrize("dump", ["dataset.nq", "dataset.trig", "dataset.jsonld"])
def test_round_trip_into_empty_store_is_lossless(seed_store, exported, tmp_path, dump):
    kg = KnowledgeGraph(tmp_path / "partner")
    result = import_dump(kg.store, exported / dump, "team-a", BASE)
    original = seed_store.store
    assert result.graphs == len(original.graphs())
    for g in original.graphs():
        mine = imported_graph(BASE, "team-a", g)
        assert original_graph(BASE, "team-a", mine) == g
        a = [f"{q.subject} {q.predicate} {q.object} ." for q in original.quads(g)]
        b = [f"{q.subject} {q.predicate} {q.object} ." for q in kg.store.quads(mine)]
        assert sorted(a) == sorted(b)
        ga = rdflib.Graph().parse(data="\n".join(a), format="nt")
        assert isomorphic(ga, rdflib.Graph().parse(data="\n".join(b), format="nt"))
    prov = {
        (q.subject.value, q.predicate.value, q.object.value)
        for q in kg.store.quads(ox.NamedNode(result.provenance_graph))
    }
    g0 = imported_graph(BASE, "team-a", original.graphs()[0]).value
    assert (g0, PROV + "wasAttributedTo", BASE + "team/team-a") in prov
    assert (g0, PROV + "wasDerivedFrom", original.graphs()[0].value) in prov
    # a second import of the same dump changes nothing
    before = _nq(kg.store.quads())
    import_dump(kg.store, exported / dump, "team-a", BASE)
    after = _nq(kg.store.quads())
    strip = [q for q in before if "/terms/created" not in q]
    assert strip == [q for q in after if "/terms/created" not in q]


def test_import_never_touches_local_articles(seed_store, exported, tmp_path):
    kg = KnowledgeGraph(tmp_path / "local")
    kg.store.oxigraph.extend(list(seed_store.store.quads()))
    local_graph = seed_store.store.graphs()[0]
    before = _nq(kg.store.quads(local_graph))
    import_dump(kg.store, exported / "dataset.nq", "team-b", BASE)  # the very same article IRIs
    assert _nq(kg.store.quads(local_graph)) == before
    assert len(kg.store.graphs()) == 3  # local article, team-b's copy, team-b's provenance
    # CQ1 now sees the claim once per graph that holds it, both still there
    claims = kg.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?c a kg:Claim } }")
    assert int(next(iter(claims))["n"].value) == 2 * int(
        next(
            iter(
                kg.query(
                    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?c a kg:Claim } }", named_graphs=[local_graph]
                )
            )
        )["n"].value
    )


def test_turtle_dump_goes_to_the_default_import_graph(exported, tmp_path):
    kg = KnowledgeGraph(tmp_path / "s")
    import_dump(kg.store, exported / "dataset.ttl", "team-c", BASE)
    assert ox.NamedNode(BASE + "import/team-c/default") in kg.store.graphs()


def test_dump_with_syntax_error_changes_nothing(seed_store, tmp_path):
    kg = KnowledgeGraph(tmp_path / "s")
    kg.store.oxigraph.extend(list(seed_store.store.quads()))
    before = _nq(kg.store.quads())
    bad = tmp_path / "bad.nq"
    bad.write_bytes(dump_bytes(seed_store.store, "nquads")[:5000] + b'\n<http://a> <http://b> "unclosed .\n')
    with pytest.raises(InputError, match=r"bad.nq: not valid nq .*line"):
        import_dump(kg.store, bad, "team-d", BASE)
    assert _nq(kg.store.quads()) == before
    with pytest.raises(InputError, match="unknown dump type"):
        import_dump(kg.store, tmp_path / "x.csv", "team-d", BASE)
    with pytest.raises(InputError, match="team name"):
        import_dump(kg.store, bad, "Team D!", BASE)


def test_dump_violating_shapes_changes_nothing(seed_store, tmp_path):
    kg = KnowledgeGraph(tmp_path / "s")
    bad = tmp_path / "bad.nq"
    extra = (
        b"<https://x.example/claim/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        b"<https://w3id.org/kg-news/ns#Claim> <https://x.example/g> .\n"
    )
    bad.write_bytes(dump_bytes(seed_store.store, "nquads") + extra)
    with pytest.raises(ValidationError, match="does not conform to the shapes") as e:
        import_dump(kg.store, bad, "team-e", BASE)
    assert "claimant" in e.value.report
    assert len(kg.store) == 0


def test_cli_export_and_import(seed_store, tmp_path, capsys):
    src = tmp_path / "src"
    ox_store = ox.Store(str(src))
    ox_store.extend(list(seed_store.store.quads()))
    ox_store.flush()
    del ox_store
    base = ["--base", BASE]
    assert main(["export", "--store", str(src), "--dir", str(tmp_path / "pub"), *base]) == 0
    assert (
        main(["export", "--store", str(src), "--format", "trig", "-o", str(tmp_path / "d.trig"), *base]) == 0
    )
    dst = str(tmp_path / "dst")
    assert main(["import", str(tmp_path / "d.trig"), "--from", "team-f", "--store", dst, *base]) == 0
    assert "imported" in capsys.readouterr().out
