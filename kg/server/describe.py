"""Linked data: every IRI minted under the base is served at the same path here, whatever
host the base names, as HTML for people and RDF (Turtle, JSON-LD, ...) for programs;
plus the VoID/DCAT description and the dump it points to."""

from __future__ import annotations

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.namespaces import PREFIXES

from .app import Settings
from .negotiation import GRAPH_MEDIA, format_param, media_type, negotiate, parse_accept
from .protocol import _params, run_query
from .worker import RDF_FORMATS, QueryFailed

__all__ = ["dump", "local_path", "resource", "void"]


def local_path(iri: str, base: str) -> str | None:
    """The path on this server that serves `iri`, or None when it is not under the base."""
    if iri.startswith(base):
        return "/" + iri[len(base) :]
    return None


def wants_html(request: Request) -> bool:
    """True when the client lists text/html before any RDF syntax (browsers do)."""
    for mt, _q in parse_accept(request.headers.get("accept")):
        if mt in ("text/html", "application/xhtml+xml"):
            return True
        if any(mt in types for types in GRAPH_MEDIA.values()) or mt == "*/*":
            return False
    return False


async def resource(request: Request) -> Response:
    """GET /actor/iran etc.: describe `{base}actor/iran` (its triples as subject across the
    union graph), 404 when the store says nothing about it."""
    settings: Settings = request.app.state.settings
    path = request.url.path.lstrip("/")
    iri = settings.base + path
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        raise QueryFailed(404, f"{iri} is not a resource here") from None
    store = request.app.state.store.oxigraph
    if next(iter(store.quads_for_pattern(node, None, None, None)), None) is None:
        raise QueryFailed(404, f"nothing is known about {iri}")
    params = _params(request.scope.get("query_string", b""))
    fmt = (params.get("format") or [None])[0]
    if fmt == "html" or (fmt is None and wants_html(request)):
        from .pages import resource_page

        html = await run_in_threadpool(resource_page, store, iri, settings.base)
        return HTMLResponse(html, headers={"Vary": "Accept"})
    if fmt is None:
        fmt = negotiate(request.headers.get("accept"), GRAPH_MEDIA, "turtle")
        if fmt is None:
            raise QueryFailed(
                406, "resources come as text/html or " + ", ".join(t[0] for t in GRAPH_MEDIA.values())
            )
    query = f"CONSTRUCT {{ {node} ?p ?o }} WHERE {{ {node} ?p ?o }}"
    return await run_query(request, query, None, None, {"format": [fmt]})


def _void_turtle(store: ox.Store, base: str, root: str) -> str:
    triples = len(store)
    graphs = sum(1 for _ in store.named_graphs())
    classes = store.query(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) (SAMPLE(?s) AS ?ex) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c",
        use_default_graph_as_union=True,
    )
    parts = []
    examples = []
    for row in classes:
        parts.append(f"  void:classPartition [ void:class {row['c']} ; void:entities {row['n'].value} ]")
        if (
            isinstance(row["ex"], ox.NamedNode)
            and row["ex"].value.startswith(base)
            and len(examples) < 10
            and str(row["ex"]) not in examples
        ):
            examples.append(str(row["ex"]))
    lines = [
        "@prefix void: <http://rdfs.org/ns/void#> .",
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        f"<{root}.well-known/void#dataset> a void:Dataset, dcat:Dataset ;",
        '  dcterms:title "kg news knowledge graph" ;',
        f'  void:uriSpace "{base}" ;',
        f"  void:triples {triples} ;",
        f"  void:sparqlEndpoint <{root}sparql> ;",
        f"  void:dataDump <{root}dump.nq> ;",
        f"  dcat:distribution [ a dcat:Distribution ; dcat:downloadURL <{root}dump.nq> ;"
        ' dcat:mediaType "application/n-quads" ] ;',
        f"  dcat:accessService [ a dcat:DataService ; dcat:endpointURL <{root}sparql> ] ;",
    ]
    lines.append(f"  <https://w3id.org/kg-news/ns#namedGraphs> {graphs} ;")
    if examples:
        lines.append("  void:exampleResource " + ", ".join(examples) + " ;")
    lines += [p + " ;" for p in parts]
    lines.append(f"  void:vocabulary <{PREFIXES['kg']}> .")
    return "\n".join(lines) + "\n"


async def void(request: Request) -> Response:
    """/.well-known/void: the dataset's size, graphs, classes, examples and access points."""
    settings: Settings = request.app.state.settings
    root = str(request.base_url)
    ttl = await run_in_threadpool(_void_turtle, request.app.state.store.oxigraph, settings.base, root)
    params = _params(request.scope.get("query_string", b""))
    fmt = format_param((params.get("format") or [None])[0], GRAPH_MEDIA) or negotiate(
        request.headers.get("accept"), GRAPH_MEDIA, "turtle"
    )
    if fmt in (None, "turtle"):
        return Response(ttl, media_type=media_type("turtle"), headers={"Vary": "Accept"})
    triples = ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)
    body = ox.serialize(triples, format=RDF_FORMATS[fmt]) or b""
    return Response(body, media_type=media_type(fmt), headers={"Vary": "Accept"})


async def dump(request: Request) -> Response:
    """/dump.nq: every article graph as N-Quads (the VoID dataDump)."""
    store = request.app.state.store.oxigraph

    def write() -> bytes:
        return (
            ox.serialize(store.quads_for_pattern(None, None, None, None), format=ox.RdfFormat.N_QUADS) or b""
        )

    body = await run_in_threadpool(write)
    return Response(body, media_type="application/n-quads")
