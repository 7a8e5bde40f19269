"""Linked-data exchange out: dumps in four syntaxes plus a VoID/DCAT description.

`kg export` writes one dump to a file or standard output; `kg export --dir DIR` publishes
a folder a partner can mirror:

    dataset.nq  dataset.trig  dataset.ttl  dataset.jsonld   the data (Turtle: union graph)
    context.jsonld                                          the JSON-LD @context (prefixes)
    void.ttl                                                VoID + DCAT: counts, endpoint,
                                                            dump links, licence, creator

N-Quads and TriG keep the article graphs (one per article: the provenance unit), so a
partner's `kg import` can keep them apart; Turtle is the union for tools without graphs.
The functions take any store with `quads()` (local or remote), so the same code exports a
folder store or a SPARQL server.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import InputError, StoreError
from .namespaces import KG, PREFIXES

__all__ = [
    "DUMP_FILES",
    "EXPORT_FORMATS",
    "dump_bytes",
    "export_dir",
    "jsonld_context",
    "void_description",
]

EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}
DUMP_FILES = {
    "nquads": "dataset.nq",
    "trig": "dataset.trig",
    "turtle": "dataset.ttl",
    "jsonld": "dataset.jsonld",
}
MEDIA = {
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
}
EXTRA_PREFIXES = {
    "dcterms": "http://purl.org/dc/terms/",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"


def jsonld_context() -> dict[str, Any]:
    """The published @context: kg's prefixes, so partners can compact kg data the same way."""
    return {"@context": {**PREFIXES, **EXTRA_PREFIXES}}


def _quads(store: Any) -> list[ox.Quad]:
    try:
        return list(store.quads())
    except OSError as e:
        raise StoreError(f"{getattr(store, 'path', 'store')}: cannot read quads ({e})") from None


def dump_bytes(store: Any, fmt: str, quads: list[ox.Quad] | None = None) -> bytes:
    """The store's data in `fmt` (nquads|trig|turtle|jsonld)."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}")
    quads = _quads(store) if quads is None else quads
    if fmt == "turtle":
        # Turtle has no graphs: the union of the article graphs, each triple once
        triples = sorted({q.triple for q in quads}, key=str)
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
    if fmt == "jsonld":
        # pyoxigraph writes expanded JSON-LD; wrapping it with the published context keeps
        # it valid (absolute IRIs are untouched by a prefix-only context) and self-contained
        expanded = json.loads(ox.serialize(quads, format=ox.RdfFormat.JSON_LD) or b"[]")
        doc = {"@context": jsonld_context()["@context"], "@graph": expanded}
        return json.dumps(doc, ensure_ascii=False, indent=1).encode()
    prefixes = PREFIXES if fmt == "trig" else None
    return ox.serialize(quads, format=EXPORT_FORMATS[fmt], prefixes=prefixes) or b""


def _count(store: Any, cls: ox.NamedNode) -> int:
    q = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {cls} }}"
    for row in store.query(q):
        return int(row["n"].value)
    return 0


def void_description(
    store: Any,
    base: str,
    *,
    endpoint: str | None = None,
    dump_base: str | None = None,
    license: str = DEFAULT_LICENSE,
    creator: str | None = None,
    title: str = "kg news knowledge graph",
    sizes: dict[str, int] | None = None,
    quads: list[ox.Quad] | None = None,
) -> str:
    """VoID + DCAT Turtle describing the dataset: what a partner reads before importing."""
    quads = _quads(store) if quads is None else quads
    dataset = f"{base}dataset"
    dump_base = dump_base if dump_base is not None else base
    triples = len({q.triple for q in quads})
    graphs = len({q.graph_name for q in quads if isinstance(q.graph_name, ox.NamedNode)})
    subjects = len({q.subject for q in quads})
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    lines = [f"@prefix {p}: <{iri}> ." for p, iri in {**PREFIXES, **EXTRA_PREFIXES}.items()]
    lines += [
        "",
        f"<{dataset}> a void:Dataset, dcat:Dataset ;",
        f"  dcterms:title {json.dumps(title)} ;",
        f"  dcterms:license <{license}> ;",
        f'  dcterms:modified "{now}"^^xsd:dateTime ;',
        f"  void:uriSpace {json.dumps(base)} ;",
        f"  void:vocabulary <{str(KG)}> ;",
        f"  void:triples {triples} ;",
        f"  void:entities {subjects} ;",
        f"  void:documents {graphs} ;",  # one named graph per article
    ]
    for cls in ("Article", "Claim", "Meeting", "Actor"):
        n = _count(store, KG.term(cls))
        lines.append(f"  void:classPartition [ void:class kg:{cls} ; void:entities {n} ] ;")
    if creator:
        who = f"<{creator}>" if creator.startswith(("http://", "https://")) else json.dumps(creator)
        lines.append(f"  dcterms:creator {who} ;")
    if endpoint:
        lines.append(f"  void:sparqlEndpoint <{endpoint}> ;")
    lines.append(f"  void:rootResource <{dataset}> ;")
    for fmt, name in DUMP_FILES.items():
        url = f"{dump_base}{name}"
        size = f" ; dcat:byteSize {sizes[fmt]}" if sizes and fmt in sizes else ""
        lines.append(f"  void:dataDump <{url}> ;")
        lines.append(
            f"  dcat:distribution [ a dcat:Distribution ; dcat:downloadURL <{url}> ; "
            f"dcat:mediaType {json.dumps(MEDIA[fmt])}{size} ] ;"
        )
    lines.append(f"  dcterms:conformsTo <{dump_base}context.jsonld> .")
    text = "\n".join(lines) + "\n"
    ox.parse(text.encode(), ox.RdfFormat.TURTLE)  # fail here, not at the partner's, if malformed
    return text


def export_dir(
    store: Any,
    outdir: str | Path,
    base: str,
    *,
    endpoint: str | None = None,
    dump_base: str | None = None,
    license: str = DEFAULT_LICENSE,
    creator: str | None = None,
) -> list[Path]:
    """Write every dump, the JSON-LD context and void.ttl into `outdir`; return the paths."""
    out = Path(outdir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"{out}: cannot create the export folder ({e})") from None
    quads = _quads(store)
    written: list[Path] = []
    sizes: dict[str, int] = {}
    for fmt, name in DUMP_FILES.items():
        data = dump_bytes(store, fmt, quads)
        (out / name).write_bytes(data)
        sizes[fmt] = len(data)
        written.append(out / name)
    (out / "context.jsonld").write_text(json.dumps(jsonld_context(), indent=2) + "\n", encoding="utf-8")
    written.append(out / "context.jsonld")
    void = void_description(
        store,
        base,
        endpoint=endpoint,
        dump_base=dump_base,
        license=license,
        creator=creator,
        sizes=sizes,
        quads=quads,
    )
    (out / "void.ttl").write_text(void, encoding="utf-8")
    written.append(out / "void.ttl")
    return written
