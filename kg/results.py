"""Query results as text: an aligned table for people, JSON/CSV/TSV (the W3C SPARQL
results formats) for programs, and RDF syntaxes for CONSTRUCT/DESCRIBE."""

from __future__ import annotations

import io

import pyoxigraph as ox

from .errors import InputError

__all__ = ["SOLUTION_FORMATS", "GRAPH_FORMATS", "format_results"]

SOLUTION_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def format_results(results, fmt: str = "table") -> str:
    """Render `Store.query` output in `fmt`."""
    if isinstance(results, bool):
        return "true" if results else "false"
    if isinstance(results, ox.QueryBoolean):
        return "true" if bool(results) else "false"
    if isinstance(results, ox.QuerySolutions):
        names = [v.value for v in results.variables]
        if fmt == "table":
            rows = [[_cell(s[n]) for n in names] for s in results]
            widths = [max([len(n)] + [min(len(r[i]), 80) for r in rows]) for i, n in enumerate(names)]
            line = lambda cells: " | ".join(c[:80].ljust(w) for c, w in zip(cells, widths, strict=True))  # noqa: E731
            out = [line(names), "-+-".join("-" * w for w in widths)]
            out += [line(r) for r in rows]
            out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
            return "\n".join(out)
        if fmt not in SOLUTION_FORMATS:
            raise InputError(
                f"unknown result format {fmt!r} for a SELECT; use table, {', '.join(SOLUTION_FORMATS)}"
            )
        buf = io.BytesIO()
        results.serialize(buf, SOLUTION_FORMATS[fmt])
        return buf.getvalue().decode()
    # CONSTRUCT / DESCRIBE
    rdf_fmt = GRAPH_FORMATS.get("turtle" if fmt == "table" else fmt)
    if rdf_fmt is None:
        raise InputError(f"unknown RDF format {fmt!r}; use {', '.join(GRAPH_FORMATS)}")
    buf = io.BytesIO()
    ox.serialize(results, buf, rdf_fmt)
    return buf.getvalue().decode()
