"""Federated queries: `SERVICE <peer>` against allow-listed peers only, and `kg federate`.

pyoxigraph 0.5.13 evaluates `SERVICE` itself, with its own HTTP client: it would call any
IRI a query names, with no per-peer timeout, no token, no answer-size cap and no way to
turn it off. So `kg` never lets pyoxigraph see a SERVICE clause. Before a query runs:

1. every SERVICE clause is found (a SPARQL-aware scan that skips strings, IRIs and
   comments, cross-checked against rdflib's SPARQL parser) and each target must be a peer
   endpoint listed in `kg.toml`; `SERVICE ?var` and any other IRI are refused before any
   request is made;
2. each outermost SERVICE block is sent to its peer as `SELECT * WHERE { block }` with
   `requests` (per-peer timeout, bearer token, no automatic redirects, body capped), all
   peers in parallel;
3. the block is replaced in the query text by a `VALUES` block of the peer's rows, which
   the SPARQL algebra joins exactly where the SERVICE stood (a SERVICE is evaluated
   independently of the rest of its group, like an inline VALUES table).

A peer that fails raises `PeerError`; under `SERVICE SILENT` its block becomes one empty
solution (`VALUES () { () }`), which is what SPARQL 1.1 Federated Query prescribes.
"""

from __future__ import annotations

import functools
import json
import re
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pyoxigraph as ox
import requests

from .config import Config, Peer
from .errors import InputError, KgError, PeerError, QueryError
from .namespaces import PREFIXES
from .store import Store

__all__ = [
    "FederatedResults",
    "GuardedStore",
    "ServiceClause",
    "check_services",
    "federate",
    "fetch_solutions",
    "find_services",
    "format_federated",
    "prepare_query",
]

RESULTS_JSON = "application/sparql-results+json"
RESULTS_XML = "application/sparql-results+xml"
MAX_REDIRECTS = 3

# ------------------------------------------------------------------ lexical scan
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
              |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7-\uFFFF]+)
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<word>(?:[A-Za-z_\u00C0-\uFFFF][\w\-.\u00B7-\uFFFF]*)?:(?:[\w\-.:%\\\u00B7-\uFFFF])*
              |[A-Za-z_\u00C0-\uFFFF][\w\-\u00B7-\uFFFF]*)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Tok]:
    """Significant tokens of SPARQL text (whitespace and comments dropped)."""
    out: list[_Tok] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:  # pragma: no cover - `punct` matches any character
            raise QueryError(f"query cannot be scanned at offset {pos}")
        kind = m.lastgroup or "punct"
        start, end = m.start(), m.end()
        if kind == "word":
            # a prefixed name cannot end with '.': the dot ends the triple
            while end > start + 1 and text[end - 1] == ".":
                end -= 1
        if kind not in ("ws", "comment"):
            out.append(_Tok(kind, text[start:end], start, end))
        pos = end
    return out


@dataclass
class ServiceClause:
    """One `SERVICE [SILENT] target { ... }` in the query text."""

    start: int  # offset of SERVICE
    end: int  # offset after the closing brace
    body: str  # the text between the braces
    silent: bool
    target: str | None  # the resolved endpoint IRI, None for `SERVICE ?var`
    target_text: str  # as written
    nested: bool = False  # inside another SERVICE block: the peer evaluates it
    peer: Peer | None = None


@dataclass
class _Prolog:
    base: str | None = None
    prefixes: dict[str, str] = field(default_factory=dict)

    def text(self) -> str:
        """PREFIX/BASE lines for a sub-query: the query's own, plus kg's defaults it did
        not redeclare (a foreign peer does not know `kg:`)."""
        lines = [f"BASE <{self.base}>"] if self.base else []
        merged = {**PREFIXES, **self.prefixes}
        lines += [f"PREFIX {p}: <{iri}>" for p, iri in merged.items()]
        return "\n".join(lines) + "\n"


def _join(base: str | None, iri: str) -> str:
    """Resolve a relative IRI; absolute ones are kept verbatim (urljoin would drop an empty
    fragment: `ns#` -> `ns`)."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", iri) or not base:
        return iri
    return urljoin(base, iri)


def _prolog(toks: list[_Tok], base_iri: str | None) -> _Prolog:
    pro = _Prolog(base=base_iri)
    for i, t in enumerate(toks[:-1]):
        up = t.text.upper()
        if t.kind == "word" and up == "BASE" and toks[i + 1].kind == "iri":
            pro.base = _join(pro.base, toks[i + 1].text[1:-1])
        elif t.kind == "word" and up == "PREFIX" and i + 2 < len(toks):
            name, iri = toks[i + 1], toks[i + 2]
            if name.kind == "word" and name.text.endswith(":") and iri.kind == "iri":
                pro.prefixes[name.text[:-1]] = _join(pro.base, iri.text[1:-1])
    return pro


def _resolve(tok: _Tok, pro: _Prolog) -> str | None:
    if tok.kind == "iri":
        return _join(pro.base, tok.text[1:-1])
    if tok.kind == "word" and ":" in tok.text:
        prefix, local = tok.text.split(":", 1)
        ns = pro.prefixes.get(prefix, PREFIXES.get(prefix))
        if ns is None:
            raise QueryError(f"SERVICE {tok.text}: prefix {prefix!r} is not declared")
        return ns + re.sub(r"\\(.)", r"\1", local)
    return None


def find_services(text: str, base_iri: str | None = None) -> list[ServiceClause]:
    """Every SERVICE clause of a query or update, outermost first in text order."""
    toks = _tokens(text)
    pro = _prolog(toks, base_iri)
    clauses: list[ServiceClause] = []
    for i, t in enumerate(toks):
        if t.kind != "word" or t.text.upper() != "SERVICE":
            continue
        j = i + 1
        silent = j < len(toks) and toks[j].kind == "word" and toks[j].text.upper() == "SILENT"
        if silent:
            j += 1
        if j + 1 >= len(toks) or toks[j + 1].text != "{":
            raise QueryError(f"SERVICE at offset {t.start}: expected a target and '{{'")
        target_tok = toks[j]
        if target_tok.kind not in ("iri", "var", "word"):
            raise QueryError(f"SERVICE at offset {t.start}: {target_tok.text!r} is not an IRI or variable")
        target = None if target_tok.kind == "var" else _resolve(target_tok, pro)
        depth, k = 0, j + 1
        while k < len(toks):
            if toks[k].text == "{":
                depth += 1
            elif toks[k].text == "}":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        if k >= len(toks):
            raise QueryError(f"SERVICE at offset {t.start}: its '{{' is never closed")
        clauses.append(
            ServiceClause(
                start=t.start,
                end=toks[k].end,
                body=text[toks[j + 1].end : toks[k].start],
                silent=silent,
                target=target,
                target_text=target_tok.text,
            )
        )
    for c in clauses:
        c.nested = any(o is not c and o.start < c.start and c.end <= o.end for o in clauses)
    return clauses


@functools.lru_cache(maxsize=256)
def _rdflib_targets(text: str, update: bool) -> tuple[str | None, ...] | None:
    """SERVICE targets as rdflib's SPARQL parser sees them (None for a variable), or None
    when rdflib cannot parse the text. Cached: rdflib's parser costs ~50 ms a query, and
    dashboards and benchmarks repeat the same federated query."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import URIRef, Variable

    try:
        tree = parseUpdate(text) if update else parseQuery(text)
    except Exception:  # noqa: BLE001 - pyparsing raises many types; any means "cannot check"
        return None
    found: list[Any] = []

    def walk(node: Any) -> None:
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                found.append(node.get("term"))
            for v in node.values():
                walk(v)
        elif isinstance(node, list | tuple) or hasattr(node, "asList"):
            for v in node:
                walk(v)

    walk(tree)
    out: list[str | None] = []
    for term in found:
        if isinstance(term, Variable):
            out.append(None)
        elif isinstance(term, URIRef):
            out.append(str(term))
        else:  # a prefixed name, resolved by the scan; count only
            out.append("?pname")
    return tuple(out)


def check_services(
    text: str, config: Config, *, update: bool = False, base_iri: str | None = None
) -> list[ServiceClause]:
    """The SERVICE clauses of `text`, each matched to its allow-listed peer; raise
    `PeerError` (before any request) for a variable target or an IRI not in `config`."""
    clauses = find_services(text, base_iri)
    if not clauses:
        return clauses
    # rdflib's parser recurses forever on nested SERVICE, so it checks the outer level with
    # each outer block emptied; nested clauses are checked from the scan (and by the peer)
    outer = [c for c in clauses if not c.nested]
    flat = text
    for c in sorted(outer, key=lambda c: -c.start):
        body_start = c.end - 1 - len(c.body)
        flat = flat[:body_start] + " " + flat[c.end - 1 :]
    seen = _rdflib_targets(flat, update)
    if seen is None:
        raise PeerError("the query has SERVICE clauses but cannot be parsed to check them; nothing was sent")
    if len(seen) != len(outer):
        raise PeerError(
            f"the query's SERVICE clauses could not be checked ({len(outer)} found by the scan, "
            f"{len(seen)} by the parser); nothing was sent"
        )
    for c, s in zip(outer, seen, strict=True):
        if s not in ("?pname", None) and c.target is not None and s != c.target:
            raise PeerError(f"SERVICE {c.target_text}: could not be checked; nothing was sent")
    for c in clauses:
        if c.target is None:
            raise PeerError(
                f"SERVICE {c.target_text}: a variable service endpoint is not allowed; "
                "name an allow-listed peer endpoint"
            )
        c.peer = config.peer_for(c.target)
        if c.peer is None:
            where = f" in {config.path}" if config.path else " (no kg.toml peers configured)"
            raise PeerError(f"SERVICE <{c.target}> is not an allow-listed peer{where}; nothing was sent")
    return clauses


# ------------------------------------------------------------------ HTTP to peers
def _snippet(body: bytes) -> str:
    text = body[:2000].decode("utf-8", "replace")
    text = re.sub(r"<[^>]*>", " ", text)
    return " ".join(text.split())[:200]


def _read_capped(resp: requests.Response, peer: Peer, deadline: float) -> bytes:
    chunks, size = [], 0
    for chunk in resp.iter_content(65536):
        size += len(chunk)
        if size > peer.max_bytes:
            raise PeerError(
                f"peer {peer.name} ({peer.endpoint}): answer is over the {peer.max_bytes}-byte limit; "
                "add LIMIT or narrow the SERVICE block"
            )
        if time.monotonic() > deadline:
            raise PeerError(
                f"peer {peer.name} ({peer.endpoint}): no complete answer within {peer.timeout:g} s"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _request(peer: Peer, config: Config | None, query: str) -> tuple[bytes, str]:
    """POST `query` to `peer`, following at most MAX_REDIRECTS redirects, each one only to
    an allow-listed origin; returns (body, content type)."""
    headers = {"Accept": f"{RESULTS_JSON}, {RESULTS_XML};q=0.9"}
    if peer.token:
        headers["Authorization"] = f"Bearer {peer.token}"
    url, method = peer.endpoint, "POST"
    deadline = time.monotonic() + peer.timeout
    for _hop in range(MAX_REDIRECTS + 1):
        remaining = max(0.05, deadline - time.monotonic())
        try:
            # a form body for POST, the query string for GET (SPARQL 1.1 Protocol 2.1.1-2.1.2)
            form = {"data" if method == "POST" else "params": {"query": query}}
            resp = requests.request(
                method, url, headers=headers, timeout=remaining, allow_redirects=False, stream=True, **form
            )
        except requests.Timeout:
            raise PeerError(f"peer {peer.name} ({url}): no answer within {peer.timeout:g} s") from None
        except requests.ConnectionError as e:
            reason = str(e.args[0]) if e.args else str(e)
            raise PeerError(f"peer {peer.name} ({url}) is unreachable: {reason[:200]}") from None
        except requests.RequestException as e:
            raise PeerError(f"peer {peer.name} ({url}): request failed ({e})") from None
        with resp:
            if resp.is_redirect:
                location = urljoin(url, resp.headers.get("location", ""))
                allowed = config.peer_for_origin(location) if config else None
                if allowed is None and _same_origin(location, peer):
                    allowed = peer
                if allowed is None:
                    raise PeerError(
                        f"peer {peer.name} ({url}) redirects to {location}, which is not an "
                        "allow-listed peer; not followed"
                    )
                method = "POST" if resp.status_code in (307, 308) else "GET"
                url = location
                continue
            try:
                body = _read_capped(resp, peer, deadline)
            except requests.RequestException as e:
                raise PeerError(f"peer {peer.name} ({url}): answer cut off ({e})") from None
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
            if resp.status_code >= 400:
                raise PeerError(
                    f"peer {peer.name} ({url}) answered HTTP {resp.status_code}: {_snippet(body)}"
                )
            return body, ctype
    raise PeerError(f"peer {peer.name} ({peer.endpoint}): more than {MAX_REDIRECTS} redirects")


def _same_origin(url: str, peer: Peer) -> bool:
    from .config import _origin

    try:
        return _origin(url) == peer.origin
    except InputError:
        return False


def fetch_solutions(
    peer: Peer, query: str, config: Config | None = None
) -> tuple[list[str], list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]]]:
    """Run a SELECT at `peer` and return (variable names, rows of terms), or raise
    `PeerError` naming the peer for an unreachable, slow, oversized or malformed answer."""
    body, ctype = _request(peer, config, query)
    if ctype in (RESULTS_JSON, "application/json"):
        fmt = ox.QueryResultsFormat.JSON
    elif ctype in (RESULTS_XML, "application/xml"):
        fmt = ox.QueryResultsFormat.XML
    else:
        raise PeerError(
            f"peer {peer.name} ({peer.endpoint}) answered {ctype or 'no content type'}, "
            f"not SPARQL results: {_snippet(body)!r}"
        )
    names, rows, problem = _materialize(body, fmt)
    if problem:
        raise PeerError(f"peer {peer.name} ({peer.endpoint}) {problem}")
    return names, rows


def _materialize(body: bytes, fmt: ox.QueryResultsFormat) -> tuple[list[str], list[list[Any]], str]:
    """Parse SPARQL JSON/XML results into plain lists of pyoxigraph terms, in Python.

    Not `pyoxigraph.parse_query_results`: its `QuerySolutions` is 'unsendable' and aborts
    when the garbage collector frees it on another thread, and peers are read in worker
    threads. Returns (names, rows, problem); problem is '' when all went well."""
    try:
        if fmt == ox.QueryResultsFormat.JSON:
            return (*_parse_json(body), "")
        return (*_parse_xml(body), "")
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        return [], [], f"sent malformed SPARQL results: {type(e).__name__}: {str(e)[:200]}"


def _term(kind: str, value: str, lang: str | None = None, datatype: str | None = None) -> Any:
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if kind in ("literal", "typed-literal"):
        if lang:
            return ox.Literal(value, language=lang)
        if datatype:
            return ox.Literal(value, datatype=ox.NamedNode(datatype))
        return ox.Literal(value)
    raise ValueError(f"unsupported term type {kind!r}")


def _parse_json(body: bytes) -> tuple[list[str], list[list[Any]]]:
    data = json.loads(body)
    if "boolean" in data:
        raise ValueError("a boolean answer to a SELECT")
    names = list(data["head"]["vars"])
    rows = []
    for b in data["results"]["bindings"]:
        row = []
        for n in names:
            t = b.get(n)
            if t is None:
                row.append(None)
            else:
                row.append(_term(t["type"], t["value"], t.get("xml:lang"), t.get("datatype")))
        rows.append(row)
    return names, rows


def _parse_xml(body: bytes) -> tuple[list[str], list[list[Any]]]:
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2005/sparql-results#}"
    try:
        root = ET.fromstring(body)
    except ET.ParseError as e:
        raise ValueError(str(e)) from None
    names = [v.attrib["name"] for v in root.iter(f"{ns}variable")]
    rows = []
    for result in root.iter(f"{ns}result"):
        values: dict[str, Any] = {}
        for binding in result.iter(f"{ns}binding"):
            el = binding[0]
            kind = el.tag.removeprefix(ns)
            lang = el.attrib.get("{http://www.w3.org/XML/1998/namespace}lang")
            values[binding.attrib["name"]] = _term(kind, el.text or "", lang, el.attrib.get("datatype"))
        rows.append([values.get(n) for n in names])
    return names, rows


# ------------------------------------------------------------------ rewrite
def _value(term: Any, peer: Peer) -> str:
    if term is None:
        return "UNDEF"
    if isinstance(term, ox.BlankNode):
        # VALUES cannot hold blank nodes: a stable IRI per peer and label keeps joins intact
        return f"<urn:kg:bnode:{peer.name}:{term.value}>"
    return str(term)


def _values_block(names: list[str], rows: list[list[Any]], peer: Peer) -> str:
    head = " ".join(f"?{n}" for n in names)
    body = "\n".join("(" + " ".join(_value(t, peer) for t in r) + ")" for r in rows)
    return f"VALUES ({head}) {{\n{body}\n}}"


def prepare_query(
    text: str, config: Config | None, *, update: bool = False, base_iri: str | None = None
) -> str:
    """`text` with every SERVICE block evaluated at its allow-listed peer and replaced by
    the rows it returned; unchanged when there is no SERVICE. Raises PeerError."""
    config = config or Config()
    clauses = check_services(text, config, update=update, base_iri=base_iri)
    if not clauses:
        return text
    outer = [c for c in clauses if not c.nested]
    prolog = _prolog(_tokens(text), base_iri).text()

    def run(c: ServiceClause) -> str:
        assert c.peer is not None
        try:
            names, rows = fetch_solutions(c.peer, f"{prolog}SELECT * WHERE {{{c.body}}}", config)
        except PeerError:
            if c.silent:
                return "VALUES () { () }"
            raise
        return _values_block(names, rows, c.peer)

    with ThreadPoolExecutor(max_workers=min(8, len(outer))) as pool:
        blocks = list(pool.map(run, outer))
    for c, block in sorted(zip(outer, blocks, strict=True), key=lambda cb: -cb[0].start):
        text = text[: c.start] + block + text[c.end :]
    return text


# ------------------------------------------------------------------ kg federate
@dataclass
class FederatedResults:
    """Rows from several sources; `peer` is the first column."""

    variables: list[str]
    rows: list[list[Any]]
    errors: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def federate(
    query: str,
    config: Config,
    *,
    peers: Iterable[str] | None = None,
    local: Callable[[str], Any] | None = None,
    local_name: str = "local",
    strict: bool = False,
) -> FederatedResults:
    """Run one SELECT at every configured peer (or those named in `peers`) and, when
    `local` is given, on the local store; merge the rows with a `peer` column. A failing
    peer is recorded in `errors` (or raised with `strict`) so one team's outage does not
    hide the others' answers."""
    names = list(peers) if peers is not None else list(config.peers)
    unknown = [n for n in names if n not in config.peers]
    if unknown:
        raise InputError(
            f"unknown peer(s) {', '.join(unknown)}; configured: {', '.join(config.peers) or 'none'}"
        )
    if not names and local is None:
        raise InputError("no peers configured (add [peers.NAME] tables to kg.toml) and --local not given")
    kind = _query_form(query)
    if kind != "SELECT":
        raise InputError(f"kg federate runs SELECT queries; this one is {kind or 'not a query'}")
    query_text = _with_prefixes(query)

    def at_peer(name: str) -> tuple[str, list[str], list[list[Any]], float]:
        t0 = time.perf_counter()
        cols, rows = fetch_solutions(config.peers[name], query_text, config)
        return name, cols, rows, time.perf_counter() - t0

    results: list[tuple[str, list[str], list[list[Any]], float]] = []
    errors: dict[str, str] = {}
    with ThreadPoolExecutor(max_workers=max(1, min(8, len(names)))) as pool:
        futures = {n: pool.submit(at_peer, n) for n in names}
        if local is not None:
            t0 = time.perf_counter()
            try:
                sols = local(query)
                cols = [v.value for v in sols.variables]
                rows = [[s[c] for c in cols] for s in sols]
                results.append((local_name, cols, rows, time.perf_counter() - t0))
            except KgError as e:
                if strict:
                    raise
                errors[local_name] = str(e)
        for n, fut in futures.items():
            try:
                results.append(fut.result())
            except PeerError as e:
                if strict:
                    raise
                errors[n] = str(e)
    columns: list[str] = []
    for _, cols, _, _ in results:
        columns += [c for c in cols if c not in columns]
    peer_col = "peer" if "peer" not in columns else "source_peer"
    merged: list[list[Any]] = []
    for name, cols, rows, _ in results:
        index = {c: i for i, c in enumerate(cols)}
        for r in rows:
            merged.append([ox.Literal(name)] + [r[index[c]] if c in index else None for c in columns])
    return FederatedResults(
        [peer_col, *columns], merged, errors, {name: secs for name, _, _, secs in results}
    )


def _query_form(query: str) -> str | None:
    for t in _tokens(query):
        if t.kind == "word" and t.text.upper() in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
            return t.text.upper()
    return None


def _with_prefixes(query: str) -> str:
    """kg's prefixes prepended unless redeclared, so peers that do not know `kg:` parse it."""
    declared = _prolog(_tokens(query), None).prefixes
    extra = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)
    return extra + query


def format_federated(res: FederatedResults, fmt: str = "table") -> str:
    """Render merged rows as an aligned table or the W3C json/csv/tsv/xml results formats."""
    if fmt == "table":
        cells = [["" if t is None else getattr(t, "value", str(t)) for t in r] for r in res.rows]
        widths = [max([len(n)] + [min(len(r[i]), 80) for r in cells]) for i, n in enumerate(res.variables)]

        def line(cs: list[str]) -> str:
            return " | ".join(c[:80].ljust(w) for c, w in zip(cs, widths, strict=True)).rstrip()

        out = [line(res.variables), "-+-".join("-" * w for w in widths)]
        out += [line(r) for r in cells]
        out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
        return "\n".join(out)
    if fmt not in ("json", "csv", "tsv", "xml"):
        raise InputError(f"unknown format {fmt!r}; use table, json, csv, tsv or xml")
    from .server.worker import serialize_solutions

    body = serialize_solutions(res.variables, res.rows, fmt).decode()
    if fmt == "json" and res.errors:
        data = json.loads(body)
        data["errors"] = res.errors
        body = json.dumps(data)
    return body


class GuardedStore(Store):
    """A local `Store` whose queries go through the SERVICE allow-list: pyoxigraph would
    otherwise fetch any SERVICE IRI itself."""

    def __init__(self, path: str | Path, read_only: bool = False, config: Config | None = None) -> None:
        super().__init__(path, read_only=read_only)
        self.config = config or Config()

    def query(self, sparql: str, *, union: bool = True, default_graph=None, named_graphs=None):
        return super().query(
            prepare_query(sparql, self.config),
            union=union,
            default_graph=default_graph,
            named_graphs=named_graphs,
        )
