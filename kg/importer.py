"""Linked-data exchange in: `kg import DUMP --from TEAM`.

A partner's graphs are stored under `{base}import/{team}/{original graph IRI, %-encoded}`
(their default graph under `.../default`), so they can never overwrite a local article
graph, and re-importing the same team replaces exactly that team's graphs. A provenance
graph `{base}import/{team}` says, for each imported graph, who it is attributed to
(`prov:wasAttributedTo {base}team/{team}`), which graph it came from
(`prov:wasDerivedFrom`), from which file (`dcterms:source`) and when.

The whole dump is parsed and validated against the shapes first; only then is everything
written in ONE SPARQL update (one transaction in Oxigraph, and on a remote server), so a
syntax error or a shape violation leaves the store exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pyoxigraph as ox

from .errors import InputError, StoreError, ValidationError
from .namespaces import PROV, XSD
from .validate import validate_quads

__all__ = ["ImportResult", "import_dump", "imported_graph", "original_graph", "parse_dump"]

DCTERMS_SOURCE = ox.NamedNode("http://purl.org/dc/terms/source")
DCTERMS_CREATED = ox.NamedNode("http://purl.org/dc/terms/created")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
TEAM_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
FORMATS = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}
NAMED_FORMATS = {"nquads": ".nq", "ntriples": ".nt", "trig": ".trig", "turtle": ".ttl", "jsonld": ".jsonld"}


@dataclass
class ImportResult:
    team: str
    graphs: int
    quads: int
    removed: int
    provenance_graph: str


def _team(team: str) -> str:
    if not TEAM_RE.match(team):
        raise InputError(f"--from {team!r}: a team name is lower-case letters, digits, '-' or '_'")
    return team


def imported_graph(base: str, team: str, original: ox.NamedNode | ox.DefaultGraph) -> ox.NamedNode:
    """Where a partner's graph is stored locally (reversible with `original_graph`)."""
    local = "default" if isinstance(original, ox.DefaultGraph) else quote(original.value, safe="")
    return ox.NamedNode(f"{base}import/{_team(team)}/{local}")


def original_graph(base: str, team: str, graph: ox.NamedNode) -> ox.NamedNode | ox.DefaultGraph:
    """The partner's own name for an imported graph."""
    prefix = f"{base}import/{team}/"
    if not graph.value.startswith(prefix):
        raise InputError(f"{graph.value} is not a graph imported from {team}")
    local = graph.value[len(prefix) :]
    return ox.DefaultGraph() if local == "default" else ox.NamedNode(unquote(local))


def parse_dump(path: str | Path, fmt: str | None = None) -> list[ox.Quad]:
    """All quads of a dump file; a syntax error is an `InputError` naming the file and line."""
    p = Path(path)
    if fmt is not None:
        if fmt not in NAMED_FORMATS:
            raise InputError(f"unknown dump format {fmt!r}; use {', '.join(NAMED_FORMATS)}")
        suffix = NAMED_FORMATS[fmt]
    else:
        suffix = p.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{p}: unknown dump type {suffix or '(none)'}; use .nq, .trig, .ttl, .nt or .jsonld")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read the dump ({e})") from None
    try:
        return list(ox.parse(data, FORMATS[suffix]))
    except SyntaxError as e:
        raise InputError(f"{p}: not valid {suffix[1:]} ({e}); nothing was imported") from None


def _term(t: Any) -> str:
    return str(t)


def import_dump(
    store: Any, path: str | Path, team: str, base: str, *, fmt: str | None = None
) -> ImportResult:
    """Load a partner dump into `store` under the team's graphs, atomically, after
    checking it against the shapes. Local article graphs are never touched."""
    team = _team(team)
    quads = parse_dump(path, fmt)
    if not quads:
        raise InputError(f"{path}: the dump holds no data; nothing was imported")
    report = validate_quads(quads)
    if not report.conforms:
        raise ValidationError(
            f"{path}: the dump does not conform to the shapes ({report.violations} violations); "
            "nothing was imported",
            report.text,
        )
    by_graph: dict[str, list[ox.Quad]] = {}
    for q in quads:
        if isinstance(q.graph_name, ox.BlankNode):
            raise InputError(f"{path}: blank-node graph names cannot be imported; nothing was imported")
        target = imported_graph(base, team, q.graph_name)
        by_graph.setdefault(target.value, []).append(q)
    prov_graph = ox.NamedNode(f"{base}import/{team}")
    agent = ox.NamedNode(f"{base}team/{team}")
    prefix = f"{base}import/{team}/"
    previous = [g for g in store.graphs() if g.value.startswith(prefix)]
    stale = [g for g in previous if g.value not in by_graph]
    now = ox.Literal(dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(), datatype=XSD.dateTime)
    source = ox.NamedNode(Path(path).resolve().as_uri())
    ops = [f"DROP SILENT GRAPH {g}" for g in [*previous, prov_graph]]
    prov_lines = [f"{agent} {RDF_TYPE} {PROV.Agent} ."]
    for iri, gquads in by_graph.items():
        g = ox.NamedNode(iri)
        body = "\n".join(f"{_term(q.subject)} {_term(q.predicate)} {_term(q.object)} ." for q in gquads)
        ops.append(f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")
        orig = original_graph(base, team, g)
        prov_lines.append(f"{g} {RDF_TYPE} {PROV.Entity} ; {PROV.wasAttributedTo} {agent} ;")
        if isinstance(orig, ox.NamedNode):
            prov_lines.append(f"  {PROV.wasDerivedFrom} {orig} ;")
        prov_lines.append(f"  {DCTERMS_SOURCE} {source} ; {DCTERMS_CREATED} {now} .")
    ops.append(f"INSERT DATA {{ GRAPH {prov_graph} {{\n" + "\n".join(prov_lines) + "\n} }")
    update = " ;\n".join(ops)
    try:
        if hasattr(store, "oxigraph"):
            store.oxigraph.update(update)
        else:
            store.update(update)
        store.flush()
    except (OSError, SyntaxError) as e:
        where = getattr(store, "path", "store")
        raise StoreError(f"{where}: importing {path} failed ({e}); nothing was changed") from None
    return ImportResult(team, len(by_graph), len(quads), len(stale), prov_graph.value)
