"""Content negotiation: the Accept header (or a `format=` parameter, for download links
and browsers that cannot set headers) picks the results or RDF syntax."""

from __future__ import annotations

__all__ = [
    "GRAPH_MEDIA",
    "SOLUTION_MEDIA",
    "media_type",
    "negotiate",
    "parse_accept",
]

#: results formats for SELECT/ASK: key -> media types (first is what we answer with)
SOLUTION_MEDIA: dict[str, tuple[str, ...]] = {
    "json": ("application/sparql-results+json", "application/json"),
    "xml": ("application/sparql-results+xml", "application/xml", "text/xml"),
    "csv": ("text/csv",),
    "tsv": ("text/tab-separated-values",),
}
#: RDF syntaxes for CONSTRUCT/DESCRIBE and linked-data resources
GRAPH_MEDIA: dict[str, tuple[str, ...]] = {
    "turtle": ("text/turtle", "application/x-turtle"),
    "ntriples": ("application/n-triples", "text/plain"),
    "jsonld": ("application/ld+json", "application/json"),
    "rdfxml": ("application/rdf+xml", "application/xml", "text/xml"),
    "nquads": ("application/n-quads",),
    "trig": ("application/trig",),
}
_ALIASES = {"ttl": "turtle", "nt": "ntriples", "json-ld": "jsonld", "rdf": "rdfxml", "nq": "nquads"}


def media_type(fmt: str) -> str:
    """The Content-Type answered for a format key (text formats say UTF-8)."""
    mt = (SOLUTION_MEDIA.get(fmt) or GRAPH_MEDIA[fmt])[0]
    return mt + "; charset=utf-8" if mt.startswith("text/") else mt


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with q-values, best first (stable for equal q)."""
    if not header:
        return [("*/*", 1.0)]
    out: list[tuple[str, float, int]] = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mt = fields[0].lower()
        if not mt:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            out.append((mt, q, i))
    out.sort(key=lambda x: (-x[1], x[2]))
    return [(m, q) for m, q, _ in out]


def negotiate(accept: str | None, table: dict[str, tuple[str, ...]], default: str) -> str | None:
    """The format key in `table` the client prefers, `default` for */* or no header, None
    when the client accepts nothing we can write."""
    for mt, _q in parse_accept(accept):
        if mt == "*/*":
            return default
        for key, types in table.items():
            if mt in types:
                return key
        if mt.endswith("/*"):
            major = mt[:-1]
            if default in table and any(t.startswith(major) for t in table[default]):
                return default
            for key, types in table.items():
                if any(t.startswith(major) for t in types):
                    return key
    return None


def format_param(value: str | None, table: dict[str, tuple[str, ...]]) -> str | None:
    """A `format=` parameter as a key of `table` (accepts keys, aliases and media types)."""
    if not value:
        return None
    v = _ALIASES.get(value.lower(), value.lower())
    if v in table:
        return v
    for key, types in table.items():
        if v in types:
            return key
    return None
