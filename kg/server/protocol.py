"""SPARQL 1.1 Protocol (`/sparql`) and the read half of the Graph Store Protocol
(`/rdf-graphs`).

Request parsing is strict on purpose: the W3C protocol tests expect a 4xx for a wrong
method, a missing or wrong content type, two queries, bad UTF-8 or a query and an update
together, rather than a guess.
"""

from __future__ import annotations

import hmac
import sys
from urllib.parse import parse_qsl

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from kg.namespaces import PREFIXES

from .app import Settings, error_response
from .negotiation import GRAPH_MEDIA, SOLUTION_MEDIA, format_param, media_type, negotiate
from .worker import Job, QueryFailed

__all__ = ["graph_store", "read_body", "run_query", "sparql"]

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"


def _params(raw: bytes | str) -> dict[str, list[str]]:
    """Form or query-string fields, failing on bad percent-encoded UTF-8 (not replacing it)."""
    text = raw.decode("ascii", errors="strict") if isinstance(raw, bytes) else raw
    out: dict[str, list[str]] = {}
    for k, v in parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict"):
        out.setdefault(k, []).append(v)
    return out


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 past `limit` bytes (before reading it all when
    Content-Length says so)."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise QueryFailed(413, f"request body of {length} bytes is over the {limit}-byte limit")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise QueryFailed(413, f"request body is over the {limit}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _content_type(request: Request) -> tuple[str | None, str | None]:
    header = request.headers.get("content-type")
    if not header:
        return None, None
    fields = [f.strip() for f in header.split(";")]
    charset = None
    for f in fields[1:]:
        if f.lower().startswith("charset="):
            charset = f[8:].strip('"').lower()
    return fields[0].lower(), charset


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise QueryFailed(400, f"{what} is not valid UTF-8 ({e.reason} at byte {e.start})") from None


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise QueryFailed(400, f"exactly one '{name}' parameter is allowed, got {len(values)}")
    return values[0]


def endpoint_iri(request: Request) -> str:
    """The endpoint's own URL: the base IRI for relative IRIs in queries and updates."""
    return str(request.url.replace(query="", fragment=""))


async def sparql(request: Request) -> Response:
    """Query (GET or POST) and update (POST only) per the SPARQL 1.1 Protocol."""
    settings: Settings = request.app.state.settings
    if request.method not in ("GET", "HEAD", "POST"):
        raise QueryFailed(405, f"{request.method} is not allowed here; use GET or POST")
    try:
        params = _params(request.scope.get("query_string", b""))
    except (UnicodeDecodeError, UnicodeEncodeError):
        raise QueryFailed(400, "the query string is not valid UTF-8") from None
    query = update = None
    if request.method in ("GET", "HEAD"):
        if "update" in params:
            raise QueryFailed(405, "updates must be sent with POST")
        query = _one(params, "query")
        if query is None:
            return await service_description(request)
    else:
        body = await read_body(request, settings.max_body)
        ctype, charset = _content_type(request)
        if charset not in (None, "utf-8", "utf8"):
            raise QueryFailed(415, f"charset {charset} is not supported; send UTF-8")
        if ctype == FORM:
            try:
                form = _params(body)
            except (UnicodeDecodeError, UnicodeEncodeError):
                raise QueryFailed(400, "the form body is not valid UTF-8") from None
            for k, v in form.items():
                params.setdefault(k, []).extend(v)
            query, update = _one(params, "query"), _one(params, "update")
            if query is None and update is None:
                raise QueryFailed(400, "the form has neither a 'query' nor an 'update' field")
            if query is not None and update is not None:
                raise QueryFailed(400, "send a query or an update, not both")
        elif ctype == QUERY:
            if "query" in params or "update" in params:
                raise QueryFailed(
                    400, "the query is the body; do not also pass 'query' or 'update' parameters"
                )
            query = _utf8(body, "the query")
        elif ctype == UPDATE:
            if "query" in params or "update" in params:
                raise QueryFailed(
                    400, "the update is the body; do not also pass 'query' or 'update' parameters"
                )
            update = _utf8(body, "the update")
        elif ctype is None:
            raise QueryFailed(415, f"a POST needs a Content-Type: {FORM}, {QUERY} or {UPDATE}")
        else:
            raise QueryFailed(415, f"Content-Type {ctype} is not supported; use {FORM}, {QUERY} or {UPDATE}")
    if update is not None:
        return await run_update(request, update, params)
    assert query is not None
    return await run_query(
        request, query, params.get("default-graph-uri"), params.get("named-graph-uri"), params
    )


def choose_formats(request: Request, params: dict[str, list[str]]) -> tuple[str | None, str | None]:
    """The (results format, RDF format) for this request: `format=` wins over Accept."""
    fmt = (params.get("format") or [None])[0]
    if fmt:
        sol, graph = format_param(fmt, SOLUTION_MEDIA), format_param(fmt, GRAPH_MEDIA)
        if sol is None and graph is None:
            raise QueryFailed(
                406, f"unknown format {fmt!r}; use one of {', '.join([*SOLUTION_MEDIA, *GRAPH_MEDIA])}"
            )
        return sol, graph
    accept = request.headers.get("accept")
    sol, graph = negotiate(accept, SOLUTION_MEDIA, "json"), negotiate(accept, GRAPH_MEDIA, "turtle")
    if sol is None and graph is None:
        raise QueryFailed(406, f"cannot answer in any type of Accept: {accept}")
    return sol, graph


async def run_query(
    request: Request,
    query: str,
    default_graph: list[str] | None,
    named_graphs: list[str] | None,
    params: dict[str, list[str]] | None = None,
    base_iri: str | None = None,
    max_rows: int | None = None,
) -> Response:
    """Run a query in a worker under the timeout and answer it in the negotiated format.
    `max_rows` overrides the configured cap (a Graph Store read returns whole graphs)."""
    settings: Settings = request.app.state.settings
    sol, graph = choose_formats(request, params or {})
    query = await _federate(query, settings, base_iri or endpoint_iri(request))
    job = Job(
        sparql=query,
        solution_format=sol,
        graph_format=graph,
        default_graph=default_graph,
        named_graphs=named_graphs,
        base_iri=base_iri or endpoint_iri(request),
        max_rows=settings.max_rows if max_rows is None else max_rows,
    )
    result = await request.app.state.pool.run(job, settings.timeout)
    headers = {"Vary": "Accept"}
    if result.truncated:
        headers["KG-Truncated"] = f"rows cut at the limit of {job.max_rows}"
    body = b"" if request.method == "HEAD" else result.body
    return Response(body, 200, headers=headers, media_type=media_type(result.format))


async def _federate(text: str, settings: Settings, base: str, is_update: bool = False) -> str:
    """Check every SERVICE against the allow-list and evaluate it here (pyoxigraph would
    otherwise call any IRI itself); refused queries never reach a worker or the network."""
    if "service" not in text.lower():
        return text  # cheap exit: no SERVICE keyword can hide without these letters
    from kg.federation import prepare_query

    return await run_in_threadpool(prepare_query, text, settings.federation, update=is_update, base_iri=base)


def _authorized(request: Request, settings: Settings) -> Response | None:
    """None when the bearer token matches; else the 401/403 answer."""
    challenge = {"WWW-Authenticate": 'Bearer realm="kg"'}
    if settings.token is None:
        return error_response(
            request, 401, "updates are disabled on this server (no update token set)", challenge
        )
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("bearer "):
        return error_response(request, 401, "updates need 'Authorization: Bearer <token>'", challenge)
    if not hmac.compare_digest(header[7:].strip().encode(), settings.token.encode()):
        return error_response(request, 403, "the update token is wrong")
    return None


async def run_update(request: Request, update: str, params: dict[str, list[str]]) -> Response:
    """Apply an update in this process (the only writer), then recycle the query workers
    so they reopen the store and see it."""
    settings: Settings = request.app.state.settings
    refused = _authorized(request, settings)
    if refused is not None:
        return refused
    if "using-graph-uri" in params or "using-named-graph-uri" in params:
        raise QueryFailed(
            400,
            "using-graph-uri / using-named-graph-uri are not supported (pyoxigraph cannot set an "
            "update's dataset); put USING / USING NAMED in the update instead",
        )
    store = request.app.state.store.oxigraph
    base = endpoint_iri(request)
    update = await _federate(update, settings, base, is_update=True)

    def apply() -> None:
        store.update(update, base_iri=base, prefixes=PREFIXES)
        store.flush()

    async with request.app.state.update_lock:
        try:
            await run_in_threadpool(apply)
        except SyntaxError as e:
            raise QueryFailed(400, f"update does not parse: {e}") from None
        except (OSError, ValueError) as e:
            raise QueryFailed(400, f"update failed: {e}") from None
        finally:
            request.app.state.pool.recycle()
    return Response(status_code=204)


SD_TURTLE = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
<{endpoint}> a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query, sd:SPARQL11Update ;
  sd:feature sd:UnionDefaultGraph, sd:BasicFederatedQuery ;
  sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON>,
    <http://www.w3.org/ns/formats/SPARQL_Results_XML>, <http://www.w3.org/ns/formats/SPARQL_Results_CSV>,
    <http://www.w3.org/ns/formats/SPARQL_Results_TSV>, <http://www.w3.org/ns/formats/Turtle>,
    <http://www.w3.org/ns/formats/N-Triples>, <http://www.w3.org/ns/formats/JSON-LD>,
    <http://www.w3.org/ns/formats/RDF_XML>, <http://www.w3.org/ns/formats/N-Quads>,
    <http://www.w3.org/ns/formats/TriG> ;
  sd:defaultDataset [ a sd:Dataset ;
    sd:defaultGraph [ a sd:Graph ; void:triples {triples} ] ;
    void:sparqlEndpoint <{endpoint}> ] .
"""


async def service_description(request: Request) -> Response:
    """GET /sparql without a query: what this endpoint offers, in sd: terms (Turtle by
    default)."""
    params = _params(request.scope.get("query_string", b""))
    fmt = format_param((params.get("format") or [None])[0], GRAPH_MEDIA) or negotiate(
        request.headers.get("accept"), GRAPH_MEDIA, "turtle"
    )
    if fmt is None:
        fmt = "turtle"
    ttl = SD_TURTLE.format(endpoint=endpoint_iri(request), triples=len(request.app.state.store))
    if fmt == "turtle":
        body = ttl.encode()
    else:
        from .worker import RDF_FORMATS

        triples = ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)
        body = ox.serialize(triples, format=RDF_FORMATS[fmt]) or b""
    return Response(body, 200, media_type=media_type(fmt), headers={"Vary": "Accept"})


async def graph_store(request: Request) -> Response:
    """Graph Store Protocol, read only: `?graph=IRI` for one article graph, `?default`
    for the default graph (the union of the article graphs, as for queries)."""
    try:
        params = _params(request.scope.get("query_string", b""))
    except (UnicodeDecodeError, UnicodeEncodeError):
        raise QueryFailed(400, "the query string is not valid UTF-8") from None
    graph = _one(params, "graph")
    if graph is None and "default" not in params:
        raise QueryFailed(400, "name a graph: ?graph=IRI or ?default")
    if graph is not None and "default" in params:
        raise QueryFailed(400, "use either ?graph=IRI or ?default, not both")
    if graph is not None:
        try:
            node = ox.NamedNode(graph)
        except ValueError as e:
            raise QueryFailed(400, f"graph {graph!r} is not an IRI ({e})") from None
        if not request.app.state.store.oxigraph.contains_named_graph(node):
            raise QueryFailed(404, f"no graph {graph} in this store")
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {node} {{ ?s ?p ?o }} }}"
    else:
        query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    sol, fmt = choose_formats(request, params)
    if fmt is None:
        raise QueryFailed(406, "graphs come as " + ", ".join(GRAPH_MEDIA))
    # whole graphs, not cut at the row cap: a partial graph would be silently wrong
    return await run_query(request, query, None, None, {"format": [fmt]}, max_rows=sys.maxsize)
