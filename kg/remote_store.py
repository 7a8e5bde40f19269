"""A `kg` store on any SPARQL 1.1 server: Protocol for queries, Graph Store Protocol for
article graphs. Same interface as `kg.store.Store`, so `KnowledgeGraph` does not care.

    --store http://127.0.0.1:7878/                     Oxigraph: /query, /update, /store
    --store "http://h:3030/ds/#query=sparql&update=update&gsp=data"        Fuseki
    --store "http://h:7200/repositories/news/#query=http://h:7200/repositories/news&update=statements&gsp=rdf-graphs/service&union=native"

The fragment names the three endpoints (absolute, or relative to the URL) and how the
union default graph is asked for (`union=oxigraph`: the `union-default-graph` parameter,
the default; `union=arq`: Jena's `urn:x-arq:UnionGraph`; `union=native`: the server's
default graph already is the union, as in GraphDB, Virtuoso, Blazegraph quads mode).

An article graph is written with one HTTP PUT of the whole graph: the server replaces it
in one transaction, and a retry after a lost answer writes the same graph again
(idempotent), so a flaky network cannot leave half an article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import parse_qsl, urldefrag, urljoin

import pyoxigraph as ox
import requests

from .config import Config
from .errors import InputError, QueryError, StoreError
from .namespaces import KG

__all__ = ["RemoteStore", "is_remote"]

RESULTS_JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
DEFAULT_TIMEOUT = 60.0
MAX_ANSWER = 500_000_000
UNION_MODES = ("oxigraph", "arq", "native")


def is_remote(spec: str | object) -> bool:
    """True when a store spec is an http(s) URL rather than a folder."""
    return isinstance(spec, str) and spec.lower().startswith(("http://", "https://"))


class RemoteStore:
    """A store behind SPARQL 1.1 Protocol + Graph Store Protocol endpoints."""

    def __init__(
        self,
        spec: str,
        read_only: bool = False,
        config: Config | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        token: str | None = None,
    ) -> None:
        url, fragment = urldefrag(spec)
        if not url.endswith("/"):
            url += "/"
        opts = dict(parse_qsl(fragment))
        unknown = set(opts) - {"query", "update", "gsp", "union"}
        if unknown:
            raise InputError(f"{spec}: unknown store option(s) {', '.join(sorted(unknown))}")
        self.path = spec  # what error messages and `kg` summaries name
        self.url = url
        self.query_url = urljoin(url, opts.get("query", "query"))
        self.update_url = urljoin(url, opts.get("update", "update"))
        self.gsp_url = urljoin(url, opts.get("gsp", "store"))
        self.union = opts.get("union", "oxigraph")
        if self.union not in UNION_MODES:
            raise InputError(f"{spec}: union={self.union!r}; use one of {', '.join(UNION_MODES)}")
        self.read_only = read_only
        self.config = config
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "kg"
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    # ------------------------------------------------------------------ HTTP
    def _send(self, method: str, url: str, what: str, **kwargs: Any) -> requests.Response:
        try:
            resp = self.session.request(method, url, timeout=self.timeout, allow_redirects=False, **kwargs)
        except requests.Timeout:
            raise StoreError(f"{self.path}: {what}: no answer within {self.timeout:g} s") from None
        except requests.RequestException as e:
            reason = str(e.args[0]) if e.args else str(e)
            raise StoreError(f"{self.path}: {what}: server unreachable ({reason[:200]})") from None
        if len(resp.content) > MAX_ANSWER:
            raise StoreError(f"{self.path}: {what}: answer over {MAX_ANSWER} bytes")
        return resp

    def _fail(self, resp: requests.Response, what: str) -> StoreError:
        text = " ".join(resp.text[:300].split())
        if resp.status_code in (401, 403, 405):
            return StoreError(f"{self.path}: {what}: the server refuses (HTTP {resp.status_code}: {text})")
        return StoreError(f"{self.path}: {what}: HTTP {resp.status_code}: {text}")

    def _writable(self, what: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: {what}: the store is opened read-only")

    def _select(self, sparql: str, union: bool = True) -> ox.QuerySolutions:
        results = self.query(sparql, union=union)
        assert isinstance(results, ox.QuerySolutions)
        return results

    # ------------------------------------------------------------------ Store interface
    def content_hash(self, graph: ox.NamedNode) -> str | None:
        """The stored hash of an article graph, or None when it is not stored."""
        q = f"SELECT ?h WHERE {{ GRAPH {graph} {{ {graph} {KG.contentHash} ?h }} }} LIMIT 1"
        for row in self._select(q, union=False):
            return row["h"].value
        return None

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Replace one named graph with an HTTP PUT (atomic and idempotent on the server)."""
        what = f"writing {graph.value}"
        self._writable(what)
        body = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads).encode()
        resp = self._send(
            "PUT",
            self.gsp_url,
            what,
            params={"graph": graph.value},
            data=body,
            headers={"Content-Type": NTRIPLES},
        )
        if resp.status_code not in (200, 201, 204):
            raise self._fail(resp, what + " (nothing was changed)")

    def add_graphs(self, graphs: Sequence[tuple[ox.NamedNode, bytes]]) -> None:
        """New article graphs (N-Quads text each): one PUT per graph, as the Graph Store
        Protocol has no multi-graph write; each PUT is atomic and idempotent, so a crash
        between two leaves whole articles only."""
        for graph, data in graphs:
            self.replace_graph(graph, ox.parse(data, format=ox.RdfFormat.N_QUADS))

    def remove_graph(self, graph: ox.NamedNode) -> bool:
        what = f"removing {graph.value}"
        self._writable(what)
        resp = self._send("DELETE", self.gsp_url, what, params={"graph": graph.value})
        if resp.status_code == 404:
            return False
        if resp.status_code not in (200, 202, 204):
            raise self._fail(resp, what)
        return True

    def graphs(self) -> list[ox.NamedNode]:
        q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        return [r["g"] for r in self._select(q, union=False) if isinstance(r["g"], ox.NamedNode)]

    def quads(self, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> Iterator[ox.Quad]:
        """The quads of one graph (named or default), or of every named graph."""
        return self.quads_for_pattern(None, None, None, graph)

    def quads_for_pattern(self, s=None, p=None, o=None, graph=None) -> Iterator[ox.Quad]:
        """pyoxigraph's `quads_for_pattern` over the protocol (None is a wildcard; with no
        graph, every named graph, as `kg.store.Store.quads` gives for an article store)."""
        terms = [str(t) if t is not None else f"?{v}" for t, v in ((s, "s"), (p, "p"), (o, "o"))]
        pattern = " ".join(terms)
        if isinstance(graph, ox.DefaultGraph):
            q = f"SELECT * WHERE {{ {pattern} }}"
        else:
            g = str(graph) if graph is not None else "?g"
            q = f"SELECT * WHERE {{ GRAPH {g} {{ {pattern} }} }}"
        for r in self._select(q, union=False):
            yield ox.Quad(
                s if s is not None else r["s"],
                p if p is not None else r["p"],
                o if o is not None else r["o"],
                graph if graph is not None else r["g"],
            )

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}", union=False))

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        return iter(self.graphs())

    @property
    def oxigraph(self) -> RemoteStore:
        """Callers that reach for the pyoxigraph store (`quads_for_pattern`, `update`,
        `contains_named_graph`) get this object, which answers those over the protocol."""
        return self

    def __len__(self) -> int:
        q = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        for r in self._select(q, union=False):
            return int(r["n"].value)
        return 0

    def query(self, sparql: str, *, union: bool = True, default_graph=None, named_graphs=None):
        """Run a query over the protocol; SELECT/ASK come back as pyoxigraph results,
        CONSTRUCT/DESCRIBE as a list of triples. SERVICE clauses are checked against the
        allow-list and evaluated here, so the server never calls out on our behalf."""
        from .federation import _query_form, _with_prefixes, prepare_query

        sparql = prepare_query(sparql, self.config)
        form = _query_form(sparql)
        params: list[tuple[str, str]] = []
        if default_graph is not None:
            graphs = default_graph if isinstance(default_graph, list | tuple) else [default_graph]
            params += [("default-graph-uri", g.value) for g in graphs]
        elif union and self.union == "oxigraph":
            params.append(("union-default-graph", ""))
        elif union and self.union == "arq":
            params.append(("default-graph-uri", "urn:x-arq:UnionGraph"))
        if named_graphs is not None:
            params += [("named-graph-uri", g.value) for g in named_graphs]
        graph_form = form in ("CONSTRUCT", "DESCRIBE")
        accept = NTRIPLES if graph_form else RESULTS_JSON
        resp = self._send(
            "POST",
            self.query_url,
            "query",
            params=params,
            data={"query": _with_prefixes(sparql)},
            headers={"Accept": accept},
        )
        if resp.status_code == 400:
            raise QueryError(f"query refused by {self.query_url}: {' '.join(resp.text[:300].split())}")
        if resp.status_code != 200:
            raise self._fail(resp, "query")
        try:
            if graph_form:
                return [q.triple for q in ox.parse(resp.content, ox.RdfFormat.N_TRIPLES)]
            return ox.parse_query_results(resp.content, ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"{self.path}: malformed query results ({e})") from None

    def update(self, sparql: str) -> None:
        """A SPARQL UPDATE over the protocol (used by importers that add provenance)."""
        from .federation import _with_prefixes, prepare_query

        self._writable("update")
        sparql = prepare_query(sparql, self.config, update=True)
        resp = self._send("POST", self.update_url, "update", data={"update": _with_prefixes(sparql)})
        if resp.status_code not in (200, 204):
            raise self._fail(resp, "update")

    def flush(self) -> None:
        """Nothing to do: every write is already committed by the server."""
